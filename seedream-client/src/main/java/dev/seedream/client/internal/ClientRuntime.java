/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seedream.client.ClientMetrics;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSink;
import dev.seedream.client.RetryPolicy;
import org.asynchttpclient.AsyncHttpClient;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one client shares across its calls: the HTTP client, limiters, threads, readers and counters, and
 * the one door into the transport. Not part of the API (the module does not export this package);
 * {@code SeedreamClient} builds, uses and closes it.
 */
public final class ClientRuntime implements AutoCloseable {

    final AsyncHttpClient http;
    final String endpoint;
    final String authorization;
    final RetryPolicy retryPolicy;
    final Duration maxLimitWait;
    final Duration callTimeout;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final ExecutorService decoders;
    final PermitPool requestSlots;
    final ImageBudget imageBudget;
    final JsonResponseReader jsonReader;
    final SseResponseReader sseReader;
    final ErrorMapper errors;
    final UrlDownloader downloader;
    final ClientCounters counters = new ClientCounters();
    private final GenerationCall.Accounting calls;
    /** Probes wait for no slot (a busy client is not an unhealthy one) and count apart from the calls. */
    private final GenerationCall.Accounting probes;
    /** Body bytes held ahead of their decoding: one largest image, plus room for the JSON around it. */
    final long maxQueuedBody;

    /** @param http the one AsyncHttpClient of this client (closed with it) */
    public ClientRuntime(AsyncHttpClient http, Settings settings) {
        this.http = http;
        this.endpoint = settings.baseUrl().replaceAll("/+$", "") + "/images/generations";
        this.authorization = "Bearer " + settings.apiKey();
        this.retryPolicy = settings.retryPolicy();
        this.maxLimitWait = settings.maxLimitWait();
        this.callTimeout = settings.callTimeout();
        this.clock = settings.clock();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("seedream-scheduler"));
        // Each call's deadline task holds the call (its body, its images) until cancelled: cancelled ones must go.
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        // Decoder threads block on a body only while it arrives; idle ones die, so the count follows the load.
        this.decoders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("seedream-decoder"));
        this.requestSlots = PermitPool.semaphore("a request slot (maxConcurrentRequests="
                + settings.maxConcurrentRequests() + ")", settings.maxConcurrentRequests(),
                LocalImageBudget.MAX_WAITING, scheduler);
        this.calls = new GenerationCall.Accounting(requestSlots, counters);
        this.probes = new GenerationCall.Accounting(PermitPool.semaphore("a probe slot", 0,
                LocalImageBudget.MAX_WAITING, scheduler), new ClientCounters());
        this.imageBudget = settings.imageBudget() != null ? settings.imageBudget()
                : LocalImageBudget.onScheduler(settings.imagesPerMinute(), Duration.ofMinutes(1), scheduler);
        JsonFactory json = new JsonFactory();
        DownloadRules download = settings.download();
        this.maxQueuedBody = download.maxBytes() + 16L * 1024 * 1024;
        this.jsonReader = new JsonResponseReader(json, download.maxBytes());
        this.sseReader = new SseResponseReader(json, download.maxBytes());
        this.errors = new ErrorMapper(json, settings.apiKey());
        this.downloader = new UrlDownloader(http, download, java.net.URI.create(settings.baseUrl()));
    }

    /**
     * Starts one generation of a validated request that names its model.
     *
     * @param reservedImages the most images it may produce, reserved from the images-per-minute budget
     * @param body           writes its JSON body (once; retries re-send the bytes)
     */
    public <T> CompletableFuture<GenerationResult<T>> generate(ImageRequest request, int reservedImages,
                                                               BodyWriter body, ImageSink<T> sink,
                                                               ImageListener<T> listener) {
        return GenerationCall.start(this, calls, request, reservedImages, retryPolicy, RequestBody.of(body), sink,
                listener);
    }

    /**
     * Sends a request once, without images of the budget or a request slot, and leaves it out of the client's
     * metrics: a check that the provider must refuse.
     */
    public <T> CompletableFuture<GenerationResult<T>> probe(ImageRequest request, BodyWriter body,
                                                            ImageSink<T> sink) {
        return GenerationCall.start(this, probes, request, 0, RetryPolicy.none(), RequestBody.of(body), sink,
                ImageListener.none());
    }

    public ClientMetrics metrics() {
        return counters.snapshot(requestSlots.waiting() + imageBudget.waiting(), imageBudget.metrics());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        decoders.shutdownNow();
        try {
            http.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Closing the HTTP client failed", e);
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * What a client is built with.
     *
     * @param baseUrl               API base, e.g. {@code https://ark.ap-southeast.bytepluses.com/api/v3}
     * @param apiKey                bearer token; kept only inside the Authorization header value
     * @param maxConcurrentRequests requests in flight at once (0 = unlimited)
     * @param imagesPerMinute       image quota per minute of the default, local budget (0 = unlimited)
     * @param imageBudget           a budget given by the user (not closed with the client), or null for the local one
     * @param maxLimitWait          longest a call waits for limits, all its attempts together
     * @param callTimeout           longest a call takes, all its attempts and waits together
     * @param download              download rules for URL results
     */
    public record Settings(String baseUrl, String apiKey, RetryPolicy retryPolicy, int maxConcurrentRequests,
                           int imagesPerMinute, ImageBudget imageBudget, Duration maxLimitWait,
                           Duration callTimeout, DownloadRules download, Clock clock) {
    }

    /**
     * Rules for downloading URL results (and the size cap of every image).
     *
     * @param maxBytes            size cap per image, decoded {@code b64_json} as well as downloaded
     * @param maxRedirects        redirects followed per image
     * @param allowHttp           whether plain-http URLs are fetched (local emulators); https always is
     * @param allowPrivateNetwork whether URLs resolving to loopback, private or link-local addresses are fetched
     *                            beyond the base URL's own origin
     */
    public record DownloadRules(long maxBytes, int maxRedirects, boolean allowHttp, boolean allowPrivateNetwork) {
    }

    /** Writes a request's JSON body. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
