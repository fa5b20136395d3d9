/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
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
 * One request in flight for one FlowFile (or none, without input). The future completes on a client thread; the
 * outcome is read only on the trigger thread, after {@link #awaitAll}.
 *
 * @param input   what the request was made for, or null without input
 * @param request the prepared request
 * @param future  the client's answer
 * @param <I>     the input type
 */
record PendingCall<I>(I input, ImageRequest request, CompletableFuture<GenerationResult<Path>> future) {

    /**
     * What the call came to; a call still running at the deadline is cancelled, which frees its slot in the
     * connection service at once, and becomes a transient failure.
     */
    CallOutcome<I> outcome(Duration runTimeout) {
        return switch (future.state()) {
            case SUCCESS -> CallOutcome.finished(input, future.resultNow(), null);
            case FAILED -> CallOutcome.finished(input, null, future.exceptionNow());
            case RUNNING, CANCELLED -> {
                future.cancel(true);
                yield CallOutcome.failed(input, CallFailure.deadline(runTimeout));
            }
        };
    }

    /** Waits until every call has finished or {@code runTimeout} has passed: one deadline for the whole run. */
    static void awaitAll(Collection<? extends PendingCall<?>> calls, Duration runTimeout) {
        CompletableFuture<?>[] futures = calls.stream().map(PendingCall::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(runTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // each call's own outcome is read afterwards; unfinished ones become deadline failures
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
