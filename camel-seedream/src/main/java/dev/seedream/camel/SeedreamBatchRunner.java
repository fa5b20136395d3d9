package dev.seedream.camel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSink;
import dev.seedream.client.SeedreamClient;

/**
 * Runs the items of one batch with at most {@code concurrency} calls in flight. An item is read from the input only
 * when a slot is free, so nothing is queued: an Iterator body is consumed at the pace of the API. Each item gets
 * its own result or error; with {@code failFast} the first error ends the batch and no further item is started.
 */
final class SeedreamBatchRunner {

    /** Turns one input item into a request; throws for an item that is not a prompt or a request. */
    @FunctionalInterface
    interface RequestFactory {
        ImageRequest create(Object item) throws Exception;
    }

    private final SeedreamClient client;
    private final Iterator<?> items;
    private final RequestFactory requests;
    private final Supplier<ImageSink<Object>> sinks;
    private final int concurrency;
    private final boolean failFast;
    private final CompletableFuture<List<SeedreamBatchResult>> done = new CompletableFuture<>();

    // Guarded by this.
    private final List<SeedreamBatchResult> results = new ArrayList<>();
    private int started;
    private int inFlight;
    private boolean pumping;
    private boolean exhausted;
    private Exception stoppedBy;

    SeedreamBatchRunner(SeedreamClient client, Iterator<?> items, RequestFactory requests,
                        Supplier<ImageSink<Object>> sinks, int concurrency, boolean failFast) {
        this.client = client;
        this.items = items;
        this.requests = requests;
        this.sinks = sinks;
        this.concurrency = Math.max(1, concurrency);
        this.failFast = failFast;
    }

    CompletableFuture<List<SeedreamBatchResult>> run() {
        pump();
        return done;
    }

    /**
     * Starts items while slots are free. Only one thread pumps at a time; a completion that arrives meanwhile
     * (even synchronously, from within {@link #start}) is picked up by the loop's next check.
     */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            Object item;
            int index;
            synchronized (this) {
                if (!canStartMore()) {
                    pumping = false;
                    break;
                }
                index = started++;
                inFlight++;
                item = items.next();
            }
            start(index, item);
        }
        completeIfFinished();
    }

    /** Called with the lock held; reading the next item's presence may fail like reading the item. */
    private boolean canStartMore() {
        if (stoppedBy != null || inFlight >= concurrency || exhausted) {
            return false;
        }
        try {
            exhausted = !items.hasNext();
        } catch (RuntimeException e) {
            stoppedBy = e;
        }
        return !exhausted && stoppedBy == null;
    }

    private void start(int index, Object item) {
        String prompt = promptOf(item);
        ImageRequest request;
        try {
            request = client.prepare(requests.create(item)); // invalid items fail here, before any network call
        } catch (Exception e) {
            finished(new SeedreamBatchResult(index, prompt, null, e));
            return;
        }
        client.generateAsync(request, sinks.get()).whenComplete((result, failure) ->
                finished(outcome(index, prompt, result, failure)));
    }

    private static SeedreamBatchResult outcome(int index, String prompt, GenerationResult<Object> result,
                                               Throwable failure) {
        if (failure == null) {
            return new SeedreamBatchResult(index, prompt, result, null);
        }
        Throwable cause = SeedreamAsyncSupport.unwrap(failure);
        Exception error = cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        return new SeedreamBatchResult(index, prompt, null, error);
    }

    private void finished(SeedreamBatchResult result) {
        synchronized (this) {
            while (results.size() <= result.index()) {
                results.add(null);
            }
            results.set(result.index(), result);
            inFlight--;
            if (failFast && !result.isSuccess() && stoppedBy == null) {
                stoppedBy = result.error();
            }
        }
        pump();
    }

    private void completeIfFinished() {
        Exception failure;
        List<SeedreamBatchResult> complete;
        synchronized (this) {
            if (done.isDone() || (stoppedBy == null && (inFlight > 0 || !exhausted))) {
                return;
            }
            failure = stoppedBy;
            complete = failure == null ? List.copyOf(results) : null;
        }
        // A stopped batch ends at once; calls still in flight finish in the background, unread.
        if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(complete);
        }
    }

    private static String promptOf(Object item) {
        if (item instanceof String text) {
            return text;
        }
        return item instanceof ImageRequest request ? request.prompt() : null;
    }
}
