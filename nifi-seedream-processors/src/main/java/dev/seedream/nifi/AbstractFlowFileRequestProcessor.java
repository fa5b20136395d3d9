/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageRequest;
import org.apache.nifi.annotation.behavior.WritesAttribute;
import org.apache.nifi.annotation.behavior.WritesAttributes;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.migration.PropertyConfiguration;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.util.StandardValidators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One request per FlowFile, many FlowFiles per trigger: takes up to Max FlowFiles Per Run FlowFiles, puts all their
 * requests in flight at once through the asynchronous client, waits with one deadline, then routes every FlowFile on
 * the trigger thread. A few threads thus keep many slow requests going without being pinned one per request.
 * Generate and Edit write the same attributes, so they are declared once here; NiFi's documentation follows
 * {@code @WritesAttributes} to the subclass through {@code @Inherited}.
 */
@WritesAttributes({
        @WritesAttribute(attribute = SeedreamAttributes.MIME_TYPE, description = ProcessorDocs.MIME_TYPE),
        @WritesAttribute(attribute = SeedreamAttributes.FILENAME, description = ProcessorDocs.FILENAME),
        @WritesAttribute(attribute = SeedreamAttributes.MODEL, description = ProcessorDocs.MODEL),
        @WritesAttribute(attribute = SeedreamAttributes.SIZE, description = ProcessorDocs.SIZE),
        @WritesAttribute(attribute = SeedreamAttributes.SEED, description = ProcessorDocs.SEED),
        @WritesAttribute(attribute = SeedreamAttributes.IMAGE_INDEX, description = ProcessorDocs.IMAGE_INDEX),
        @WritesAttribute(attribute = SeedreamAttributes.IMAGE_COUNT, description = ProcessorDocs.IMAGE_COUNT),
        @WritesAttribute(attribute = SeedreamAttributes.REQUEST_ID, description = ProcessorDocs.REQUEST_ID),
        @WritesAttribute(attribute = SeedreamAttributes.OUTPUT_TOKENS, description = ProcessorDocs.OUTPUT_TOKENS),
        @WritesAttribute(attribute = SeedreamAttributes.DURATION_MS, description = ProcessorDocs.DURATION_MS),
        @WritesAttribute(attribute = SeedreamAttributes.URL, description = ProcessorDocs.URL),
        @WritesAttribute(attribute = SeedreamAttributes.FAILED_IMAGES, description = ProcessorDocs.FAILED_IMAGES),
        @WritesAttribute(attribute = SeedreamAttributes.FRAGMENT_ID, description = ProcessorDocs.FRAGMENT_ID),
        @WritesAttribute(attribute = SeedreamAttributes.FRAGMENT_INDEX, description = ProcessorDocs.FRAGMENT_INDEX),
        @WritesAttribute(attribute = SeedreamAttributes.FRAGMENT_COUNT, description = ProcessorDocs.FRAGMENT_COUNT),
        @WritesAttribute(attribute = SeedreamAttributes.ERROR_CODE, description = ProcessorDocs.ERROR_CODE),
        @WritesAttribute(attribute = SeedreamAttributes.ERROR_MESSAGE, description = ProcessorDocs.ERROR_MESSAGE),
        @WritesAttribute(attribute = SeedreamAttributes.HTTP_STATUS, description = ProcessorDocs.HTTP_STATUS)
})
abstract class AbstractFlowFileRequestProcessor extends AbstractSeedreamProcessor {

    /**
     * Formerly "Batch Size", but a batch is what BatchGenerateImagesSeedream reads from one FlowFile; this counts
     * FlowFiles, which NiFi's PutElasticsearchJson also says in its name ("Max FlowFiles Per Batch").
     */
    static final PropertyDescriptor MAX_FLOWFILES_PER_RUN = new PropertyDescriptor.Builder()
            .name("Max FlowFiles Per Run")
            .description("FlowFiles taken per run; their requests are in flight at the same time, within the "
                    + "connection service's limits.")
            .required(true)
            .defaultValue("10")
            .addValidator(StandardValidators.createLongValidator(1, 1000, true))
            .build();
    private static final String OLD_MAX_FLOWFILES_PER_RUN = "Batch Size";

    /**
     * Builds the request for one input from properties, attributes and content.
     *
     * @param flowFile the input, or null when the processor runs on a schedule without input
     */
    protected abstract ImageRequest createRequest(ProcessContext context, ProcessSession session, FlowFile flowFile);

    @Override
    public void migrateProperties(PropertyConfiguration config) {
        super.migrateProperties(config);
        config.renameProperty(OLD_MAX_FLOWFILES_PER_RUN, MAX_FLOWFILES_PER_RUN.getName());
    }

    @Override
    protected final void trigger(ProcessContext context, ProcessSession session, CallScope scope) {
        List<FlowFile> inputs = context.hasIncomingConnection()
                ? session.get(context.getProperty(MAX_FLOWFILES_PER_RUN).asInteger())
                : Collections.singletonList(null);
        List<PendingCall<FlowFile>> calls = new ArrayList<>(inputs.size());
        for (FlowFile flowFile : inputs) {
            try {
                ImageRequest request = scope.client().prepare(createRequest(context, session, flowFile));
                calls.add(new PendingCall<>(flowFile, request,
                        scope.client().generateAsync(request, scope.images().sink(), ImageListener.none())));
            } catch (RuntimeException e) {
                routeFailure(context, session, flowFile, CallFailure.of(e));
            }
        }
        PendingCall.awaitAll(calls, scope.runTimeout());
        calls.forEach(call -> route(context, session, scope, call));
    }

    private void route(ProcessContext context, ProcessSession session, CallScope scope, PendingCall<FlowFile> call) {
        CallOutcome<FlowFile> outcome = call.outcome(scope.runTimeout());
        SeedreamCounters.count(session, outcome);
        if (!outcome.hasImages()) {
            routeFailure(context, session, call.input(), outcome.failure());
            return;
        }
        List<FlowFile> images = ImageFlowFiles.create(session, call.input(), call.request(), outcome.result(),
                scope.transitUri(), Map.of());
        session.transfer(images, SUCCESS);
        if (call.input() != null) {
            session.transfer(call.input(), ORIGINAL);
        }
        getLogger().debug("Generated {} image(s) in {} ms", images.size(), outcome.result().duration().toMillis());
    }
}
