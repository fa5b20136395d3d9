package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seedream.client.ClientMetrics;
import dev.seedream.client.RetryPolicy;
import org.asynchttpclient.AsyncHttpClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one client shares across its calls: the HTTP client, limiters, threads, readers and counters.
 * Not part of the public API; {@code SeedreamClient} builds and closes it.
 */
public final class ClientRuntime implements AutoCloseable {

    /** Callers that may wait for a limiter at once, per limiter, before new ones are refused outright. */
    private static final int MAX_WAITING = 10_000;

    final AsyncHttpClient http;
    final String endpoint;
    final String authorization;
    final RetryPolicy retryPolicy;
    final Duration maxLimitWait;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final ExecutorService decoders;
    final PermitPool requestSlots;
    final PermitPool imageQuota;
    final JsonResponseReader jsonReader;
    final SseResponseReader sseReader;
    final ErrorMapper errors;
    final UrlDownloader downloader;
    final ClientCounters counters = new ClientCounters();
    /** Body bytes held ahead of their decoding: one largest image, plus room for the JSON around it. */
    final long maxQueuedBody;

    /**
     * @param http                  the one AsyncHttpClient of this client (closed with it)
     * @param baseUrl               API base, e.g. {@code https://ark.ap-southeast.bytepluses.com/api/v3}
     * @param apiKey                bearer token; kept only inside the Authorization header value
     * @param maxConcurrentRequests requests in flight at once (0 = unlimited)
     * @param imagesPerMinute       image quota per minute (0 = unlimited)
     * @param maxLimitWait          longest a call waits for a limiter
     * @param download              download rules for URL results
     */
    public ClientRuntime(AsyncHttpClient http, String baseUrl, String apiKey, RetryPolicy retryPolicy,
                         int maxConcurrentRequests, int imagesPerMinute, Duration maxLimitWait,
                         DownloadRules download, Clock clock) {
        this.http = http;
        this.endpoint = baseUrl.replaceAll("/+$", "") + "/images/generations";
        this.authorization = "Bearer " + apiKey;
        this.retryPolicy = retryPolicy;
        this.maxLimitWait = maxLimitWait;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("seedream-scheduler"));
        // Decoder threads block on a body only while it arrives; idle ones die, so the count follows the load.
        this.decoders = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("seedream-decoder"));
        this.requestSlots = PermitPool.semaphore("a request slot (maxConcurrentRequests=" + maxConcurrentRequests
                + ")", maxConcurrentRequests, MAX_WAITING, scheduler);
        this.imageQuota = PermitPool.perMinute("image quota (imagesPerMinute=" + imagesPerMinute + ")",
                imagesPerMinute, MAX_WAITING, scheduler, System::nanoTime);
        JsonFactory json = new JsonFactory();
        this.maxQueuedBody = download.maxBytes() + 16L * 1024 * 1024;
        this.jsonReader = new JsonResponseReader(json, download.maxBytes());
        this.sseReader = new SseResponseReader(json, download.maxBytes());
        this.errors = new ErrorMapper(json, apiKey);
        this.downloader = new UrlDownloader(http, download, java.net.URI.create(baseUrl));
    }

    public ClientMetrics metrics() {
        return counters.snapshot(requestSlots.waiting() + imageQuota.waiting());
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

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
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
}
