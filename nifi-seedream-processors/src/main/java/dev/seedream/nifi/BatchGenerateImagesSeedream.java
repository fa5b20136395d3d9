/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageRequest;
import org.apache.nifi.annotation.behavior.InputRequirement;
import org.apache.nifi.annotation.behavior.InputRequirement.Requirement;
import org.apache.nifi.annotation.behavior.WritesAttribute;
import org.apache.nifi.annotation.behavior.WritesAttributes;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.documentation.UseCase;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.schema.access.SchemaNotFoundException;
import org.apache.nifi.serialization.MalformedRecordException;
import org.apache.nifi.serialization.RecordReader;
import org.apache.nifi.serialization.RecordReaderFactory;
import org.apache.nifi.serialization.RecordSetWriterFactory;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordSchema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Tags({"seedream", "bytedance", "byteplus", "ark", "image", "generation", "batch", "record", "ai"})
@CapabilityDescription("""
        Generates images for many requests at once: a Record Reader reads one request per record (fields prompt, \
        size, seed, max_images, response_format, watermark, reference_urls, model) from one FlowFile, the \
        requests run concurrently within the connection service's limits, and every image becomes its own \
        FlowFile on success. Records that fail are written with their error by the Record Writer: permanent \
        failures to failure, transient ones to retry. One bad record never holds up the others.""")
@InputRequirement(Requirement.INPUT_REQUIRED)
@UseCase(description = "Generate an image for each row of a CSV or JSON file of prompts.",
        configuration = """
                Set Record Reader to a reader for the file (e.g. CSVReader with a header line "prompt,size,seed"), \
                Record Writer to a writer for the failed rows (e.g. JsonRecordSetWriter). Route retry back to \
                this processor; inspect failure, which holds only the bad rows with seedream_error_code.""",
        keywords = {"batch", "bulk", "csv", "many prompts"})
@WritesAttributes({
        @WritesAttribute(attribute = SeedreamAttributes.RECORD_INDEX,
                description = "On images: the 0-based position of the record that produced the image."),
        @WritesAttribute(attribute = SeedreamAttributes.RECORD_COUNT,
                description = "On failed-record FlowFiles: how many records they hold."),
        @WritesAttribute(attribute = SeedreamAttributes.MIME_TYPE,
                description = ProcessorDocs.MIME_TYPE + " On failed-record FlowFiles: the Record Writer's type."),
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
        @WritesAttribute(attribute = SeedreamAttributes.ERROR_CODE,
                description = "On an input the Record Reader could not read: the error code."),
        @WritesAttribute(attribute = SeedreamAttributes.ERROR_MESSAGE,
                description = "On an input the Record Reader could not read: what went wrong."),
        @WritesAttribute(attribute = SeedreamAttributes.HTTP_STATUS,
                description = "On an input the Record Reader could not read: 0, as no request was sent.")
})
@SeeAlso({GenerateImageSeedream.class, EditImageSeedream.class, StandardSeedreamConnectionService.class})
public class BatchGenerateImagesSeedream extends AbstractSeedreamProcessor {

    static final PropertyDescriptor RECORD_READER = new PropertyDescriptor.Builder()
            .name("Record Reader")
            .description("Reads one request per record. Fields: " + RecordRequests.fieldNames()
                    + "; only prompt is required, the others override the properties below.")
            .required(true)
            .identifiesControllerService(RecordReaderFactory.class)
            .build();

    static final PropertyDescriptor RECORD_WRITER = new PropertyDescriptor.Builder()
            .name("Record Writer")
            .description("Writes the failed records, each with seedream_error_code, seedream_error_message, "
                    + "seedream_http_status and seedream_request_id.")
            .required(true)
            .identifiesControllerService(RecordSetWriterFactory.class)
            .build();

    static final PropertyDescriptor MAX_RECORDS_IN_FLIGHT = new PropertyDescriptor.Builder()
            .name("Max Records In Flight")
            .description("Requests of one batch in flight at once; the next record starts when one finishes. "
                    + "The connection service's Max Concurrent Requests and Images Per Minute apply on top.")
            .required(true)
            .defaultValue("32")
            .addValidator(StandardValidators.createLongValidator(1, 1000, true))
            .build();

    private static final List<PropertyDescriptor> PROPERTIES =
            properties(List.of(RECORD_READER, RECORD_WRITER), MAX_RECORDS_IN_FLIGHT);

    private static final String PLACEHOLDER_PROMPT = "prompt from each record";

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    protected void trigger(ProcessContext context, ProcessSession session, CallScope scope) {
        FlowFile input = session.get();
        if (input == null) {
            return;
        }
        Batch batch;
        try {
            batch = readBatch(context, session, input, scope);
        } catch (IOException | MalformedRecordException | SchemaNotFoundException | RuntimeException e) {
            routeFailure(context, session, input, CallFailure.permanent("InvalidRecords",
                    "Could not read the records: " + e.getMessage()));
            return;
        }
        BatchWindow.run(batch.sendable(), context.getProperty(MAX_RECORDS_IN_FLIGHT).asInteger(), scope.runTimeout(),
                item -> scope.client().generateAsync(item.request, scope.images().sink(), ImageListener.none()),
                outcome -> route(context, session, input, scope, outcome, batch));
        writeFailures(context, session, input, batch);
        session.transfer(input, ORIGINAL);
    }

    @Override
    protected ImageRequest verificationRequest(ProcessContext context, Map<String, String> attributes) {
        return RequestOptions.fromProperties(context, attributes).prompt(PLACEHOLDER_PROMPT).build();
    }

    @Override
    protected String verificationNote() {
        return "These are the defaults; each record's own fields are checked when the processor runs.";
    }

    /** Reads every record up front (they are small) so the reader is closed before any request starts. */
    private Batch readBatch(ProcessContext context, ProcessSession session, FlowFile input, CallScope scope)
            throws IOException, MalformedRecordException, SchemaNotFoundException {
        RecordReaderFactory readerFactory = context.getProperty(RECORD_READER)
                .asControllerService(RecordReaderFactory.class);
        Map<String, String> attributes = input.getAttributes();
        try (InputStream in = session.read(input);
             RecordReader reader = readerFactory.createRecordReader(input, in, getLogger())) {
            Batch batch = new Batch(reader.getSchema());
            Record record;
            while ((record = reader.nextRecord()) != null) {
                RecordItem item = new RecordItem(batch.items.size(), record);
                try {
                    ImageRequest request = scope.client().prepare(RecordRequests.toRequest(record,
                            descriptor -> RequestOptions.value(context, descriptor, attributes)));
                    batch.items.add(item.withRequest(request));
                } catch (RuntimeException e) {
                    batch.items.add(item);
                    batch.failed(item, CallFailure.of(e));
                }
            }
            return batch;
        }
    }

    /** Images to success; a failed record to the failures of its kind, after pausing when it met a rate limit. */
    private void route(ProcessContext context, ProcessSession session, FlowFile input, CallScope scope,
                       CallOutcome<RecordItem> outcome, Batch batch) {
        RecordItem item = outcome.input();
        SeedreamCounters.count(session, outcome);
        if (!outcome.hasImages()) {
            if (outcome.failure().keepsInputQueued()) {
                pause(context, outcome.failure());
            }
            batch.failed(item, outcome.failure());
            return;
        }
        session.transfer(ImageFlowFiles.create(session, input, item.request, outcome.result(), scope.transitUri(),
                Map.of(SeedreamAttributes.RECORD_INDEX, String.valueOf(item.index))), SUCCESS);
    }

    /** Permanent failures to failure; transient and rate-limited ones to retry, penalized, to be fed back. */
    private void writeFailures(ProcessContext context, ProcessSession session, FlowFile input, Batch batch) {
        RecordSetWriterFactory writer = context.getProperty(RECORD_WRITER)
                .asControllerService(RecordSetWriterFactory.class);
        if (!batch.permanent.isEmpty()) {
            session.transfer(batch.permanent.write(session, input, writer, getLogger()), FAILURE);
        }
        if (!batch.transientFailures.isEmpty()) {
            session.transfer(session.penalize(batch.transientFailures.write(session, input, writer, getLogger())),
                    RETRY);
        }
        if (!batch.permanent.isEmpty() || !batch.transientFailures.isEmpty()) {
            getLogger().warn("{} of {} records failed permanently and {} transiently", batch.permanent.size(),
                    batch.items.size(), batch.transientFailures.size());
        }
    }

    /** A record and, once it passed validation, its request. */
    private record RecordItem(int index, Record record, ImageRequest request) {
        RecordItem(int index, Record record) {
            this(index, record, null);
        }

        RecordItem withRequest(ImageRequest prepared) {
            return new RecordItem(index, record, prepared);
        }
    }

    /** The records of one input and where their failures go. */
    private static final class Batch {
        private final List<RecordItem> items = new ArrayList<>();
        private final FailedRecords permanent;
        private final FailedRecords transientFailures;

        Batch(RecordSchema schema) {
            this.permanent = new FailedRecords(schema);
            this.transientFailures = new FailedRecords(schema);
        }

        /** The records that passed validation, in input order. */
        List<RecordItem> sendable() {
            return items.stream().filter(item -> item.request != null).toList();
        }

        void failed(RecordItem item, CallFailure failure) {
            (failure.route() == CallFailure.Route.FAILURE ? permanent : transientFailures)
                    .add(item.record, failure);
        }
    }
}
