/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSink;
import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.client.SeedreamTimeoutException;
import org.asynchttpclient.ListenableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One logical generation: admit each attempt through the limits, send it, and retry what the {@code RetryPolicy}
 * retries. The {@link Admission} holds the attempt's slot and images; the {@link ResultAssembler} its images.
 *
 * <p>Two bounds hold for the whole call, whatever its attempts meet: it ends by its deadline ({@code callTimeout}
 * after it began; an exchange still open then is aborted), and it spends at most {@code maxLimitWait} waiting for
 * limits — for a request slot and images before each attempt, and in the backoff after a provider 429 — in all, not
 * per attempt.
 */
final class GenerationCall<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationCall.class);
    static final String CLIENT_REQUEST_ID_HEADER = "X-Client-Request-Id";

    private final ClientRuntime runtime;
    private final PermitPool slots;
    private final ClientCounters counters;
    private final String model;
    private final boolean stream;
    private final int reservedImages;
    private final RetryPolicy retryPolicy;
    private final ImageSink<T> sink;
    private final List<byte[]> body;
    private final ResultAssembler<T> assembler;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    /** What is left of the call's maxLimitWait; attempts run one after another, each after the last one's end. */
    private volatile long limitWaitLeftNanos;
    private final CompletableFuture<GenerationResult<T>> result = new CompletableFuture<>();
    private volatile ListenableFuture<Void> exchange;

    private GenerationCall(ClientRuntime runtime, Accounting accounting, ImageRequest request, int reservedImages,
                           RetryPolicy retryPolicy, List<byte[]> body, ImageSink<T> sink, ImageListener<T> listener) {
        this.runtime = runtime;
        this.slots = accounting.slots();
        this.counters = accounting.counters();
        this.model = request.model();
        this.stream = request.stream();
        this.reservedImages = reservedImages;
        this.retryPolicy = retryPolicy;
        this.body = body;
        this.sink = sink;
        this.assembler = new ResultAssembler<>(runtime, sink, listener);
        this.deadlineNanos = startNanos + runtime.callTimeout.toNanos();
        this.limitWaitLeftNanos = runtime.maxLimitWait.toNanos();
    }

    /** Where a call takes its request slot and counts what it did: the client's own, or a probe's apart. */
    record Accounting(PermitPool slots, ClientCounters counters) {
    }

    static <T> CompletableFuture<GenerationResult<T>> start(ClientRuntime runtime, Accounting accounting,
                                                           ImageRequest request, int reservedImages,
                                                           RetryPolicy retryPolicy, List<byte[]> body,
                                                           ImageSink<T> sink, ImageListener<T> listener) {
        GenerationCall<T> call = new GenerationCall<>(runtime, accounting, request, reservedImages, retryPolicy, body,
                sink, listener);
        ScheduledFuture<?> deadline;
        try {
            deadline = runtime.scheduler.schedule(call::deadlinePassed, runtime.callTimeout.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("This SeedreamClient is closed"));
        }
        call.result.whenComplete((ignored, failure) -> {
            deadline.cancel(false);
            if (call.result.isCancelled()) {
                call.abortExchange();
            }
        });
        call.attempt(1);
        return call.result;
    }

    /** The call's time is up: it fails now, and an exchange still open is aborted (its slot and images go back). */
    private void deadlinePassed() {
        SeedreamTimeoutException timeout = new SeedreamTimeoutException("The Seedream call did not end within its "
                + "callTimeout of " + runtime.callTimeout.toMillis() + " ms (waits for limits, attempts and retries "
                + "together)", true, null, null);
        if (result.completeExceptionally(timeout)) {
            counters.failed(timeout);
            abortExchange();
        }
    }

    /**
     * A caller that cancels the future, or a call past its deadline, also ends the HTTP exchange and closes its
     * connection, so its slot is free at once and the provider does not count a request that nobody reads.
     */
    private void abortExchange() {
        ListenableFuture<Void> pending = exchange;
        if (pending != null && !pending.isDone()) {
            pending.cancel(true); // AHC's cancel closes the connection; its abort only fails the future
        }
    }

    private void attempt(int number) {
        if (result.isDone()) { // cancelled while a retry was scheduled
            return;
        }
        long askedNanos = System.nanoTime();
        Admission.acquire(slots, runtime.imageBudget, model, reservedImages, minimum(limitWaitLeft(), remaining()),
                        result::isDone)
                .thenCompose(admission -> {
                    limitWaitLeftNanos -= System.nanoTime() - askedNanos;
                    return send(admission);
                })
                .whenComplete((outcome, failure) -> {
                    try {
                        if (failure == null) {
                            finish(outcome, number);
                        } else {
                            onFailure(number, SeedreamException.unwrap(failure));
                        }
                    } catch (Throwable unexpected) { // a bug of ours must still end the call
                        failCall(unexpected, outcome == null ? null : outcome.requestId);
                    }
                });
    }

    private CompletableFuture<Outcome> send(Admission admission) {
        if (result.isDone()) { // cancelled, or past the deadline, while it waited for admission: nothing is sent
            admission.releaseAll();
            return CompletableFuture.failedFuture(new CancellationException("The call ended before it was sent"));
        }
        counters.inFlight.incrementAndGet();
        counters.requestsSent.incrementAndGet();
        // A fresh id per attempt, as the provider's SDKs send it: support can find each attempt by it.
        String clientRequestId = UUID.randomUUID().toString();
        ResponseHandler<T> handler = new ResponseHandler<>(decoder(), runtime.decoders, runtime.errors, runtime.clock,
                clientRequestId, runtime.maxQueuedBody);
        try {
            ListenableFuture<Void> pending = runtime.http.preparePost(runtime.endpoint)
                    .setHeader("Authorization", runtime.authorization)
                    .setHeader(CLIENT_REQUEST_ID_HEADER, clientRequestId)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("Accept", stream ? "text/event-stream" : "application/json")
                    .setBody(body)
                    .execute(handler);
            exchange = pending;
            if (result.isDone()) {
                abortExchange(); // cancelled or past the deadline between the check above and now
            }
            // AHC may fail the returned future without calling the handler (e.g. once closed).
            pending.toCompletableFuture().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    handler.onThrowable(failure);
                }
            });
        } catch (RuntimeException e) {
            handler.onThrowable(e);
        }
        return handler.result().handle((summary, failure) -> {
            counters.inFlight.decrementAndGet();
            admission.releaseSlot();
            if (ProviderCodes.keepsReservedImages(failure)) {
                admission.keepImages();
            } else {
                admission.settleImages(summary == null ? 0 : summary.imagesGenerated());
            }
            if (failure != null) {
                throw new CompletionException(SeedreamException.unwrap(failure));
            }
            return new Outcome(summary, handler.requestId());
        });
    }

    private BodyDecoder<T> decoder() {
        return BodyDecoder.of(stream ? runtime.sseReader : runtime.jsonReader, sink, assembler::onItem,
                reservedImages);
    }

    private void finish(Outcome outcome, int attempts) {
        assembler.downloadsDone().whenComplete((done, error) -> {
            try {
                if (error != null) { // only a sink failure escapes a download; a failed fetch is an image failure
                    failCall(SeedreamException.unwrap(error), outcome.requestId);
                } else {
                    GenerationResult<T> generated = assembler.result(outcome.summary, outcome.requestId, elapsed(),
                            attempts);
                    counters.imagesGenerated.addAndGet(generated.images().size());
                    result.complete(generated);
                }
            } catch (Throwable unexpected) { // whenComplete would swallow it, and the call would never end
                failCall(unexpected, outcome.requestId);
            }
        });
    }

    /**
     * Ends the call with a failure that is not retried: an {@link Error} as it is, our own {@code SeedreamException}s
     * as they are, anything else (a bug of ours on a broken answer) as a malformed response.
     */
    private void failCall(Throwable failure, String requestId) {
        Throwable reported = failure instanceof Error ? failure : runtime.errors.fromThrowable(
                failure instanceof RuntimeException && !(failure instanceof SeedreamException)
                        ? new MalformedBodyException("the result could not be assembled: " + failure) : failure,
                requestId);
        counters.failed(reported);
        result.completeExceptionally(reported);
    }

    private void onFailure(int number, Throwable failure) {
        if (result.isDone()) { // cancelled by the caller: nothing to report, nothing to retry
            return;
        }
        if (failure instanceof Error) { // out of memory is not a network fault: sending again would only repeat it
            counters.failed(failure);
            result.completeExceptionally(failure);
            return;
        }
        SeedreamException error = failure instanceof SeedreamException known
                ? known : runtime.errors.fromThrowable(failure, null);
        if (error instanceof SeedreamRateLimitException) {
            counters.rateLimited.incrementAndGet();
        }
        Duration delay = retryDelay(number, error);
        if (delay == null) {
            counters.failed(error);
            result.completeExceptionally(error);
            return;
        }
        counters.retries.incrementAndGet();
        LOG.debug("Seedream attempt {} failed ({}: {}); retrying in {} ms", number, error.getClass().getSimpleName(),
                error.errorCode(), delay.toMillis());
        try {
            runtime.scheduler.schedule(() -> attempt(number + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(error); // the client was closed while this call waited to retry
        }
    }

    /** The wait before the next attempt, or null when the failure is final. */
    private Duration retryDelay(int number, SeedreamException error) {
        if (!retryPolicy.retries(number, error)) {
            return null;
        }
        boolean rateLimited = error instanceof SeedreamRateLimitException;
        Duration retryAfter = rateLimited ? ((SeedreamRateLimitException) error).retryAfter().orElse(null) : null;
        Duration delay = retryPolicy.delayBefore(number, retryAfter, ThreadLocalRandom.current()::nextDouble);
        if (delay.compareTo(remaining()) >= 0) {
            return null;
        }
        if (rateLimited) { // waiting out a provider limit is waiting for a limit
            if (delay.compareTo(limitWaitLeft()) > 0) {
                return null; // longer than the call may still wait: the caller decides (NiFi yields, Camel redelivers)
            }
            limitWaitLeftNanos -= delay.toNanos();
        }
        return delay;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Until the call's deadline. */
    private Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private Duration limitWaitLeft() {
        return Duration.ofNanos(Math.max(0, limitWaitLeftNanos));
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Outcome(ResponseSummary summary, String requestId) {
    }
}
