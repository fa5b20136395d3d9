package dev.seedream.nifi;

import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request in flight for one input (a FlowFile or a record). The future completes on a client thread; the
 * outcome is read only on the trigger thread, after {@link #awaitAll} or once {@link #isDone()}.
 *
 * @param input   what the request was made for (a FlowFile, a record, or null without input)
 * @param request the prepared request
 * @param future  the client's answer
 * @param <I>     the input type
 */
record PendingCall<I>(I input, ImageRequest request, CompletableFuture<GenerationResult<Path>> future) {

    boolean isDone() {
        return future.isDone();
    }

    /** The result, or null when the call failed or is still running; see {@link #failure(Duration)}. */
    GenerationResult<Path> result() {
        return future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** Why there is no result; a call still running at the deadline is abandoned as a transient failure. */
    CallFailure failure(Duration maxWait) {
        if (!future.isDone()) {
            future.cancel(true);
            return CallFailure.deadline(maxWait);
        }
        try {
            GenerationResult<Path> result = future.join();
            return CallFailure.allImagesFailed(result.failures());
        } catch (RuntimeException e) {
            return CallFailure.of(e);
        }
    }

    /** Waits until every call has finished or {@code maxWait} has passed: one deadline for the whole batch. */
    static void awaitAll(Collection<? extends PendingCall<?>> calls, Duration maxWait) {
        CompletableFuture<?>[] futures = calls.stream().map(PendingCall::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // each call's own outcome is read afterwards; unfinished ones become deadline failures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
