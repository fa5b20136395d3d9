/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.seedream.client.CallWindow;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code seedream:batch}: the body holds many prompts or requests; the result body is a
 * {@code List<SeedreamBatchResult>} in input order, one per input, each with its images or its own error. Headers
 * and options apply to every prompt item; request items are sent as they are. Streaming is not used in a batch.
 */
final class SeedreamBatchProducer extends DefaultAsyncProducer {

    SeedreamBatchProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SeedreamEndpoint getEndpoint() {
        return (SeedreamEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Iterator<?> items;
        try {
            items = SeedreamBatchInput.items(exchange.getIn());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        run(exchange.getIn(), items).whenComplete((results, failure) -> SeedreamAsyncSupport.completeLater(
                getEndpoint().getCompletionExecutor(), exchange, callback,
                () -> writeResults(exchange.getMessage(), results), failure));
        return false;
    }

    /**
     * Runs the items with at most batchConcurrency calls in flight, reading an item only when a slot is free. The
     * future ends with every result in input order; or with failFast at the first error, when no further item is
     * started and the calls in flight finish unread; or with the failure of an Iterator body that throws.
     */
    private CompletableFuture<List<SeedreamBatchResult>> run(Message in, Iterator<?> items) {
        SeedreamEndpoint endpoint = getEndpoint();
        SeedreamConfiguration config = endpoint.getConfiguration();
        SeedreamClient client = endpoint.getClient();
        CompletableFuture<List<SeedreamBatchResult>> outcome = new CompletableFuture<>();
        // The window hands results on one at a time, but from the threads that finished the calls.
        Map<Integer, SeedreamBatchResult> results = new ConcurrentSkipListMap<>();
        CallWindow<Object, GenerationResult<Object>> window = CallWindow.over(items,
                Math.max(1, config.getBatchConcurrency()),
                // An invalid item fails in prepare, before any network call, as its own result.
                item -> client.generateAsync(client.prepare(toRequest(in, config, item)), endpoint.newSink()));
        window.start(done -> {
            SeedreamBatchResult result = toResult(done);
            results.put(result.index(), result);
            if (config.isFailFast() && !result.isSuccess()) {
                window.stop();
                outcome.completeExceptionally(result.error());
            }
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                outcome.completeExceptionally(SeedreamException.unwrap(failure));
            } else {
                outcome.complete(List.copyOf(results.values()));
            }
        });
        return outcome;
    }

    static ImageRequest toRequest(Message in, SeedreamConfiguration config, Object item) {
        if (item instanceof ImageRequest request) {
            return request;
        }
        if (item instanceof String prompt) {
            return SeedreamRequestSupport.baseRequest(in, config).stream(false).prompt(prompt).build();
        }
        throw new IllegalArgumentException("A seedream:batch item must be a prompt (String) or an ImageRequest, got "
                + (item == null ? "null" : item.getClass().getName()));
    }

    private static SeedreamBatchResult toResult(CallWindow.Completion<Object, GenerationResult<Object>> done) {
        Object item = done.input();
        String prompt = item instanceof ImageRequest request ? request.prompt()
                : item instanceof String text ? text : null;
        Throwable failure = done.failure();
        Exception error = failure == null || failure instanceof Exception ? (Exception) failure
                : new IllegalStateException(failure);
        return new SeedreamBatchResult(done.index(), prompt, done.result(), error);
    }

    private static void writeResults(Message out, List<SeedreamBatchResult> results) {
        int succeeded = (int) results.stream().filter(SeedreamBatchResult::isSuccess).count();
        SeedreamResultSupport.writeBody(out, results, null);
        out.setHeader(SeedreamConstants.IMAGE_COUNT, results.stream().mapToInt(r -> r.images().size()).sum());
        out.setHeader(SeedreamConstants.BATCH_SUCCEEDED, succeeded);
        out.setHeader(SeedreamConstants.BATCH_FAILED, results.size() - succeeded);
    }
}
