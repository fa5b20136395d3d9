/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.SeedreamClient;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.migration.PropertyConfiguration;
import org.apache.nifi.processor.AbstractProcessor;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.processor.VerifiableProcessor;
import org.apache.nifi.processor.util.StandardValidators;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What every Seedream processor shares: the connection service, the four relationships, the Retry-After gate,
 * the routing of a failed input, and the Verify steps. Subclasses implement {@link #trigger}.
 */
abstract class AbstractSeedreamProcessor extends AbstractProcessor implements VerifiableProcessor {

    static final PropertyDescriptor CONNECTION_SERVICE = new PropertyDescriptor.Builder()
            .name("Seedream Connection Service")
            .description("The service holding the endpoint, API key, model and the shared rate limits.")
            .required(true)
            .identifiesControllerService(SeedreamConnectionService.class)
            .build();

    /** Formerly "Max Wait Time", too easily taken for the connection service's wait for its own limits. */
    static final PropertyDescriptor RUN_TIMEOUT = new PropertyDescriptor.Builder()
            .name("Run Timeout")
            .description("Longest one run waits for all of its requests, the client's retries included. Requests "
                    + "still running then go to retry; the provider may still have generated and billed them.")
            .required(true)
            .defaultValue("15 mins")
            .addValidator(StandardValidators.TIME_PERIOD_VALIDATOR)
            .build();

    static final Relationship SUCCESS = new Relationship.Builder().name("success")
            .description("One FlowFile per generated image, a child of the input when there is one.").build();
    static final Relationship ORIGINAL = new Relationship.Builder().name("original")
            .description("The input FlowFile, after its images were sent to success.").autoTerminateDefault(true)
            .build();
    static final Relationship FAILURE = new Relationship.Builder().name("failure")
            .description("Inputs that failed permanently: invalid requests, content policy, other 4xx answers. "
                    + "Retrying them unchanged cannot succeed; see seedream.error.code.").build();
    static final Relationship RETRY = new Relationship.Builder().name("retry")
            .description("Inputs that failed transiently (5xx, timeouts, connection failures) after the client's "
                    + "own retries. They are penalized and may succeed later.").build();

    static final Set<Relationship> RELATIONSHIPS = Set.of(SUCCESS, ORIGINAL, FAILURE, RETRY);

    private static final String OLD_RUN_TIMEOUT = "Max Wait Time";

    private static final VerificationStep CONNECTION_STEP = new VerificationStep("Seedream Connection Service");
    private static final VerificationStep REQUEST_STEP = new VerificationStep("Build Request");

    private final RetryAfterGate retryAfterGate = new RetryAfterGate(Clock.systemUTC());
    /** Apart from Retry-After, so that each quota pause raises exactly one bulletin. */
    private final RetryAfterGate quotaGate = new RetryAfterGate(Clock.systemUTC());

    /**
     * The display order all processors share: the service, the processor's own properties, the request options,
     * then how many requests a run keeps in flight and how long it waits for them.
     */
    static List<PropertyDescriptor> properties(List<PropertyDescriptor> own, PropertyDescriptor concurrency) {
        return Stream.of(List.of(CONNECTION_SERVICE), own, RequestOptions.DESCRIPTORS,
                List.of(concurrency, RUN_TIMEOUT)).flatMap(List::stream).toList();
    }

    @Override
    public Set<Relationship> getRelationships() {
        return RELATIONSHIPS;
    }

    /** A flow saved before the rename keeps its value under the new name. */
    @Override
    public void migrateProperties(PropertyConfiguration config) {
        config.renameProperty(OLD_RUN_TIMEOUT, RUN_TIMEOUT.getName());
    }

    @Override
    public final void onTrigger(ProcessContext context, ProcessSession session) {
        // NiFi only schedules us when every destination has room; the check keeps that promise when we are
        // triggered anyway, so a full queue never receives half a batch.
        if (retryAfterGate.isClosed() || quotaGate.isClosed()
                || !context.getAvailableRelationships().containsAll(getRelationships())) {
            context.yield();
            return;
        }
        SeedreamConnectionService connection = connection(context);
        try (TempImageDirectory images = TempImageDirectory.create()) {
            trigger(context, session, new CallScope(connection.getClient(), connection.getTransitUri(), images,
                    runTimeout(context)));
        }
        SeedreamCounters.budgetWaits(session, connection);
    }

    /** Processes one batch; runs on the trigger thread, which alone touches the session. */
    protected abstract void trigger(ProcessContext context, ProcessSession session, CallScope scope);

    /** Builds the request Verify checks, from properties and the given attributes (no FlowFile content). */
    protected abstract ImageRequest verificationRequest(ProcessContext context, Map<String, String> attributes);

    /** Shown with a successful request check, e.g. what could not be checked without a FlowFile. */
    protected abstract String verificationNote();

    @Override
    public List<ConfigVerificationResult> verify(ProcessContext context, ComponentLog verificationLogger,
                                                 Map<String, String> attributes) {
        List<ConfigVerificationResult> results = new ArrayList<>();
        SeedreamClient client;
        try {
            client = connection(context).getClient();
            results.add(CONNECTION_STEP.passed("Using " + client.baseUrl() + " with model " + client.defaultModel()
                    + "; verify the service itself to test the endpoint and key"));
        } catch (RuntimeException e) {
            results.add(CONNECTION_STEP.failed("No usable connection service: " + e.getMessage()));
            results.add(REQUEST_STEP.skipped("Needs an enabled connection service"));
            return results;
        }
        results.add(checkRequest(client, () -> verificationRequest(context, attributes)));
        verificationLogger.info("Verified request settings: {}", results.get(1).getExplanation());
        return results;
    }

    private ConfigVerificationResult checkRequest(SeedreamClient client, Supplier<ImageRequest> request) {
        try {
            ImageRequest prepared = client.prepare(request.get());
            return REQUEST_STEP.passed("The request is valid for model " + prepared.model() + " (" + prepared + "). "
                    + verificationNote());
        } catch (RuntimeException e) {
            return REQUEST_STEP.failed(CallFailure.of(e).message());
        }
    }

    /**
     * Routes an input whose request failed. A rate-limited input goes back to its queue untouched and the
     * processor waits out Retry-After, so nothing is lost or duplicated and backpressure builds upstream.
     */
    protected final void routeFailure(ProcessContext context, ProcessSession session, FlowFile flowFile,
                                      CallFailure failure) {
        switch (failure.route()) {
            case RATE_LIMITED, QUOTA_EXHAUSTED -> {
                pause(context, failure);
                if (flowFile != null) {
                    session.transfer(flowFile);
                }
            }
            case RETRY -> {
                getLogger().warn("Seedream request failed transiently, routing to retry: {}", failure.message());
                if (flowFile != null) {
                    session.transfer(session.penalize(withFailure(session, flowFile, failure)), RETRY);
                }
            }
            case FAILURE -> {
                getLogger().error("Seedream request failed: {}", failure.message());
                if (flowFile != null) {
                    session.transfer(withFailure(session, flowFile, failure), FAILURE);
                }
            }
        }
    }

    /** The failure's attributes; a request id of an earlier attempt does not survive a failure that sent none. */
    private static FlowFile withFailure(ProcessSession session, FlowFile flowFile, CallFailure failure) {
        FlowFile updated = session.putAllAttributes(flowFile, failure.attributes());
        return failure.requestId() == null ? session.removeAttribute(updated, SeedreamAttributes.REQUEST_ID) : updated;
    }

    /**
     * Yields now after a failure that leaves its input queued. A rate limit closes the gate for the provider's
     * Retry-After when it sent one; an exhausted quota or spend limit, which no retry cures, closes it for the
     * service's Quota Exhausted Pause and raises an ERROR bulletin telling the operator what to do.
     */
    protected final void pause(ProcessContext context, CallFailure failure) {
        if (failure.route() == CallFailure.Route.QUOTA_EXHAUSTED) {
            Duration pause = connection(context).getQuotaExhaustedPause();
            boolean alreadyPaused = quotaGate.isClosed(); // one bulletin per pause, not one per FlowFile
            quotaGate.retryAfter(pause);
            if (alreadyPaused) {
                context.yield();
                return;
            }
            getLogger().error("Seedream answered {}: the account's quota or spend limit is used up, and waiting will"
                    + " not help. Raise the quota or the spend limit in the provider's console (or switch the API key);"
                    + " FlowFiles stay queued and the processor pauses for {} between tries: {}", failure.code(),
                    pause, failure.message());
        } else {
            if (failure.retryAfter() != null) {
                retryAfterGate.retryAfter(failure.retryAfter());
            }
            getLogger().warn("Seedream rate limit reached, yielding{}: {}",
                    failure.retryAfter() == null ? "" : " for " + failure.retryAfter(), failure.message());
        }
        context.yield();
    }

    static SeedreamConnectionService connection(ProcessContext context) {
        return context.getProperty(CONNECTION_SERVICE).asControllerService(SeedreamConnectionService.class);
    }

    private static Duration runTimeout(ProcessContext context) {
        return Duration.ofMillis(context.getProperty(RUN_TIMEOUT).asTimePeriod(TimeUnit.MILLISECONDS));
    }

    /**
     * What one trigger's calls share.
     *
     * @param client     the service's shared client
     * @param transitUri the generation endpoint, for provenance
     * @param images     where the client decodes images until they are imported
     * @param runTimeout the one deadline for all calls of the trigger
     */
    record CallScope(SeedreamClient client, String transitUri, TempImageDirectory images, Duration runTimeout) {
    }
}
