package dev.seedream.client.internal;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageFailure;
import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSink;
import dev.seedream.client.SeedreamConnectionException;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;
import org.asynchttpclient.ListenableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One logical generation: wait for the limits, send, read, and retry retryable failures within the policy.
 * Each attempt holds a request slot and the images it may produce; unused images are given back afterwards.
 */
public final class GenerationCall<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationCall.class);
    static final String CLIENT_REQUEST_ID_HEADER = "X-Client-Request-Id";
    /** A server naming many large URLs for one call must not make it fetch them all at once. */
    static final int PARALLEL_DOWNLOADS = 4;

    private final ClientRuntime runtime;
    private final ImageRequest request;
    private final ImageSink<T> sink;
    private final ImageListener<T> listener;
    private final List<byte[]> body;
    private final long startNanos = System.nanoTime();
    private final List<GeneratedImage<T>> images = new ArrayList<>();
    private final List<ImageFailure> failures = new ArrayList<>();
    private final List<CompletableFuture<?>> downloads = new ArrayList<>();
    /** Downloads of this call not started yet: at most {@link #PARALLEL_DOWNLOADS} run at once. */
    private final Deque<Runnable> queuedDownloads = new ArrayDeque<>();
    private int runningDownloads;
    private final CompletableFuture<GenerationResult<T>> result = new CompletableFuture<>();
    private volatile ListenableFuture<Void> exchange;

    private GenerationCall(ClientRuntime runtime, ImageRequest request, ImageSink<T> sink, ImageListener<T> listener) {
        this.runtime = runtime;
        this.request = request;
        this.sink = sink;
        this.listener = listener;
        this.body = RequestBody.of(request);
    }

    /** Starts the call; {@code request} must already be validated and carry its model. */
    public static <T> CompletableFuture<GenerationResult<T>> start(ClientRuntime runtime, ImageRequest request,
                                                                  ImageSink<T> sink, ImageListener<T> listener) {
        GenerationCall<T> call = new GenerationCall<>(runtime, request, sink, listener);
        call.result.whenComplete((ignored, failure) -> {
            if (call.result.isCancelled()) {
                call.abortExchange();
            }
        });
        call.attempt(1);
        return call.result;
    }

    /** A caller that cancels the future also ends the HTTP exchange, so its slot is free at once. */
    private void abortExchange() {
        ListenableFuture<Void> pending = exchange;
        if (pending != null && !pending.isDone()) {
            pending.abort(new CancellationException("The caller cancelled the Seedream call"));
        }
    }

    private void attempt(int number) {
        if (result.isDone()) { // cancelled while a retry was scheduled
            return;
        }
        int reserved = request.maxOutputImages();
        Duration wait = minimum(runtime.maxLimitWait, remaining());
        long waitEnds = System.nanoTime() + wait.toNanos();
        runtime.requestSlots.acquire(1, wait)
                .thenCompose(slot -> acquireImages(reserved, waitEnds))
                .thenCompose(held -> send(reserved))
                .whenComplete((outcome, failure) -> {
                    try {
                        if (failure == null) {
                            finish(outcome, number);
                        } else {
                            onFailure(number, unwrap(failure));
                        }
                    } catch (Throwable unexpected) { // a bug of ours must still end the call
                        failCall(unexpected, outcome == null ? null : outcome.requestId);
                    }
                });
    }

    /**
     * The images come after the slot, so their grant is taken just before sending: a grant that waited for a slot
     * would open our minute seconds before the provider's and let the next calls in too early. Both waits share one
     * deadline; the slot goes back if the images are not granted.
     */
    private CompletableFuture<Void> acquireImages(int reserved, long waitEnds) {
        CompletableFuture<Void> images;
        if (result.isDone()) { // cancelled while waiting for the slot
            images = CompletableFuture.failedFuture(new CancellationException());
        } else {
            try {
                Duration left = Duration.ofNanos(Math.max(0, waitEnds - System.nanoTime()));
                images = runtime.imageQuota.acquire(reserved, left);
            } catch (RuntimeException closed) { // the client's scheduler is gone
                images = CompletableFuture.failedFuture(closed);
            }
        }
        return images.whenComplete((granted, notGranted) -> {
            if (notGranted != null) {
                runtime.requestSlots.release(1);
            }
        });
    }

    private CompletableFuture<Outcome> send(int reserved) {
        if (result.isDone()) { // cancelled while waiting for the limits
            runtime.requestSlots.release(1);
            runtime.imageQuota.release(reserved);
            return CompletableFuture.failedFuture(new CancellationException());
        }
        runtime.counters.inFlight.incrementAndGet();
        runtime.counters.requestsSent.incrementAndGet();
        // A fresh id per attempt, as the provider's SDKs send it: support can find each attempt by it.
        String clientRequestId = UUID.randomUUID().toString();
        ResponseHandler<T> handler = new ResponseHandler<>(decoder(), runtime.decoders, runtime.errors, runtime.clock,
                clientRequestId, runtime.maxQueuedBody);
        try {
            ListenableFuture<Void> pending = runtime.http.preparePost(runtime.endpoint)
                    .setHeader("Authorization", runtime.authorization)
                    .setHeader(CLIENT_REQUEST_ID_HEADER, clientRequestId)
                    .setHeader("Content-Type", "application/json")
                    .setHeader("Accept", request.stream() ? "text/event-stream" : "application/json")
                    .setBody(body)
                    .execute(handler);
            exchange = pending;
            if (result.isCancelled()) {
                abortExchange(); // cancelled between the check above and now
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
            runtime.counters.inFlight.decrementAndGet();
            runtime.requestSlots.release(1);
            int generated = summary == null ? 0 : summary.usage == null ? summary.itemsDelivered
                    : Math.max(summary.usage.generatedImages(), summary.itemsDelivered);
            // After the provider's images-per-minute 429 the reservation stays in our window: its minute is full
            // (maybe with another client's images), and handing the images back would only send the next call into
            // a 429 too. Other 429s (requests per minute, overload) say nothing about images.
            if (!isProviderImageLimit(failure)) {
                runtime.imageQuota.release(Math.max(0, reserved - generated));
            }
            if (failure != null) {
                throw new CompletionException(unwrap(failure));
            }
            return new Outcome(summary, handler.requestId());
        });
    }

    private BodyDecoder<T> decoder() {
        int maxItems = request.maxOutputImages();
        return request.stream()
                ? BodyDecoder.events(runtime.sseReader, sink, this::onItem, maxItems)
                : BodyDecoder.json(runtime.jsonReader, sink, this::onItem, maxItems);
    }

    /** Called on the decoder thread for each image or item failure, in arrival order. */
    private void onItem(ResponseItem<T> item) throws IOException {
        if (!item.hasImage()) {
            ImageFailure failure = item.toFailure();
            recordFailure(new ImageFailure(failure.index(), runtime.errors.redact(failure.code()),
                    runtime.errors.redact(failure.message())));
        } else if (item.target == null && sink.fetchesUrls()) {
            CompletableFuture<Void> download = new CompletableFuture<>();
            synchronized (this) {
                downloads.add(download);
                queuedDownloads.add(() -> runtime.downloader.download(item, sink)
                        .handle((fetched, error) -> {
                            if (error != null) {
                                recordFailure(new ImageFailure(item.indexOrOrdinal(), "ImageDownloadFailed",
                                        runtime.errors.redact(unwrap(error).getMessage())));
                            } else {
                                deliver(item);
                            }
                            return null;
                        })
                        .whenComplete((done, error) -> {
                            downloadEnded();
                            if (error != null) {
                                download.completeExceptionally(error);
                            } else {
                                download.complete(null);
                            }
                        }));
            }
            startQueuedDownloads();
        } else {
            deliver(item);
        }
    }

    private void startQueuedDownloads() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (runningDownloads >= PARALLEL_DOWNLOADS || queuedDownloads.isEmpty()) {
                    return;
                }
                runningDownloads++;
                next = queuedDownloads.poll();
            }
            next.run();
        }
    }

    /** Runs on the I/O thread that ended a download: the next one starts elsewhere, as its name lookup may block. */
    private void downloadEnded() {
        synchronized (this) {
            runningDownloads--;
        }
        try {
            runtime.decoders.execute(this::startQueuedDownloads);
        } catch (RejectedExecutionException closed) {
            startQueuedDownloads(); // the client is closing: each queued download fails at once on its own
        }
    }

    private void recordFailure(ImageFailure failure) {
        synchronized (this) {
            failures.add(failure);
        }
        notifyListener(() -> listener.onImageFailed(failure));
    }

    private void deliver(ResponseItem<T> item) {
        try {
            GeneratedImage<T> image = item.complete();
            synchronized (this) {
                images.add(image);
            }
            notifyListener(() -> listener.onImage(image));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The caller's listener failing is the caller's failure, not a network fault: never retried. */
    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw new CompletionException(new SinkFailure(new IOException("the ImageListener threw " + e, e)));
        }
    }

    private void finish(Outcome outcome, int attempts) {
        CompletableFuture<?>[] pending;
        synchronized (this) {
            pending = downloads.toArray(CompletableFuture[]::new);
        }
        CompletableFuture.allOf(pending).whenComplete((done, error) -> {
            try {
                complete(outcome, attempts, error);
            } catch (Throwable unexpected) { // whenComplete would swallow it, and the call would never end
                failCall(unexpected, outcome.requestId);
            }
        });
    }

    private void complete(Outcome outcome, int attempts, Throwable downloadError) {
        if (downloadError != null) { // only a sink failure escapes a download; a failed fetch is an image failure
            failCall(unwrap(downloadError), outcome.requestId);
            return;
        }
        ResponseSummary summary = outcome.summary;
        List<GeneratedImage<T>> sortedImages;
        List<ImageFailure> sortedFailures;
        synchronized (this) {
            sortedImages = new ArrayList<>(images);
            sortedFailures = new ArrayList<>(failures);
        }
        sortedImages.sort(Comparator.comparingInt(GeneratedImage::index));
        sortedFailures.sort(Comparator.comparingInt(ImageFailure::index));
        result.complete(new GenerationResult<>(summary.model,
                summary.created == null ? null : Instant.ofEpochSecond(summary.created), sortedImages,
                sortedFailures, Optional.ofNullable(summary.usage), outcome.requestId, elapsed(), attempts));
    }

    /**
     * Ends the call with a failure that is not retried: an {@link Error} as it is, our own {@code SeedreamException}s
     * as they are, anything else (a bug of ours on a broken answer) as a malformed response.
     */
    private void failCall(Throwable failure, String requestId) {
        runtime.counters.failures.incrementAndGet();
        Throwable reported = failure instanceof Error ? failure : runtime.errors.fromThrowable(
                failure instanceof RuntimeException && !(failure instanceof SeedreamException)
                        ? new MalformedBodyException("the result could not be assembled: " + failure) : failure,
                requestId);
        result.completeExceptionally(reported);
    }

    private void onFailure(int number, Throwable failure) {
        if (result.isDone()) { // cancelled by the caller: nothing to report, nothing to retry
            return;
        }
        if (failure instanceof Error) { // out of memory is not a network fault: sending again would only repeat it
            runtime.counters.failures.incrementAndGet();
            result.completeExceptionally(failure);
            return;
        }
        SeedreamException error = failure instanceof SeedreamException known
                ? known : runtime.errors.fromThrowable(failure, null);
        if (error instanceof SeedreamRateLimitException) {
            runtime.counters.rateLimited.incrementAndGet();
        }
        Duration delay = retryDelay(number, error);
        if (delay == null) {
            runtime.counters.failures.incrementAndGet();
            result.completeExceptionally(error);
            return;
        }
        runtime.counters.retries.incrementAndGet();
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
        if (!error.isRetryable() || number > runtime.retryPolicy.maxRetries() || isLocalLimit(error)
                || (!runtime.retryPolicy.retryAfterSend() && mayHaveGenerated(error))) {
            return null;
        }
        Duration retryAfter = error instanceof SeedreamRateLimitException limited
                ? limited.retryAfter().orElse(null) : null;
        if (retryAfter != null && retryAfter.compareTo(runtime.maxLimitWait) > 0) {
            return null; // longer than a call may wait for a limit: the caller decides (NiFi yields, Camel redelivers)
        }
        Duration delay = runtime.retryPolicy.delayBefore(number, retryAfter, ThreadLocalRandom.current()::nextDouble);
        return delay.compareTo(remaining()) < 0 ? delay : null;
    }

    private static boolean isProviderImageLimit(Throwable failure) {
        return failure != null && unwrap(failure) instanceof SeedreamRateLimitException limited
                && !limited.isLocalLimit() && ProviderCodes.isImagesPerMinute(limited.errorCode());
    }

    private static boolean isLocalLimit(SeedreamException error) {
        return error instanceof SeedreamRateLimitException limited && limited.isLocalLimit();
    }

    /** Only a 429 or a refused connection proves the provider generated nothing. */
    private static boolean mayHaveGenerated(SeedreamException error) {
        boolean refused = error instanceof SeedreamConnectionException
                && error.getCause() instanceof java.net.ConnectException;
        return !(error instanceof SeedreamRateLimitException) && !refused;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private Duration remaining() {
        Duration left = runtime.retryPolicy.maxElapsed().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration minimum(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private record Outcome(ResponseSummary summary, String requestId) {
    }
}
