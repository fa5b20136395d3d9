/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A local Seedream API server. Start one per test class (or per test) on a random port:
 * <pre>{@code
 * try (SeedreamEmulator emu = SeedreamEmulator.start()) {
 *     URI base = emu.baseUri(); // http://127.0.0.1:<port>/api/v3
 *     emu.faults().schedule(Fault.HTTP_503);
 *     ...
 *     assertThat(emu.stats().requestsForPrompt("a cat")).isEqualTo(1);
 *     assertThat(emu.takeRequest(Duration.ofSeconds(5)).header("Authorization")).isEqualTo("Bearer test-key");
 * }
 * }</pre>
 */
public final class SeedreamEmulator implements AutoCloseable {

    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(30);

    private final EmulatorConfig startConfig;
    private final String scheme;
    private final AtomicReference<EmulatorConfig> config;
    private final RateLimiter limiter = new RateLimiter();
    private final StatsRecorder stats = new StatsRecorder(limiter::inFlight);
    private final RequestRecorder requests = new RequestRecorder();
    private final FaultControl faults;
    private final ExecutorService renderExecutor;
    private final EmulatorServer server;

    private SeedreamEmulator(EmulatorConfig startConfig) {
        this.startConfig = startConfig;
        this.scheme = startConfig.tlsKeyStore() == null ? "http" : "https";
        this.config = new AtomicReference<>(startConfig);
        this.faults = new FaultControl(startConfig);
        this.renderExecutor = Executors.newFixedThreadPool(startConfig.renderThreads(),
                new DefaultThreadFactory("seedream-emulator-render", true));
        ResponseWriter writer = new ResponseWriter(stats);
        FileStore files = new FileStore(scheme);
        FaultInjector injector = new FaultInjector(writer, config::get);
        ImageCache cache = new ImageCache(renderExecutor, startConfig.cacheBytes(), stats::imageRendered);
        RequestValidator validator = new RequestValidator(
                new ReferenceResolver(files, this::port, () -> startConfig.host()));
        GenerationHandler generation = new GenerationHandler(config::get, stats, requests, validator, limiter, faults,
                injector, new ImageGenerator(cache, new ImageRenderer()), writer,
                new JsonResponder(writer, injector, files, stats, config::get),
                new SseResponder(writer, injector, files, stats, config::get));
        HttpRouter router = new HttpRouter(generation, new FilesHandler(files, writer), new AdminHandler(this, writer),
                writer);
        try {
            this.server = EmulatorServer.bind(startConfig, router);
        } catch (RuntimeException e) {
            renderExecutor.shutdownNow();
            throw e;
        }
        server.every(SWEEP_PERIOD, files::sweep);
    }

    /** Starts on a random free port of 127.0.0.1 with the defaults. */
    public static SeedreamEmulator start() {
        return start(EmulatorConfig.defaults());
    }

    public static SeedreamEmulator start(EmulatorConfig config) {
        return new SeedreamEmulator(Objects.requireNonNull(config, "config"));
    }

    /**
     * The API base a client is configured with, e.g. {@code http://127.0.0.1:41234/api/v3}; {@code https://…} when
     * started with a {@linkplain EmulatorConfig.Builder#tlsKeyStore TLS key store}.
     */
    public URI baseUri() {
        return URI.create(scheme + "://" + uriHost() + ":" + port() + "/api/v3");
    }

    public int port() {
        return server.port();
    }

    public EmulatorStats stats() {
        return stats.snapshot();
    }

    /**
     * The oldest generation request not yet taken, waiting for one as long as it takes; see
     * {@link #takeRequest(Duration)}.
     */
    public RecordedRequest takeRequest() throws InterruptedException {
        return requests.take(Long.MAX_VALUE);
    }

    /**
     * The oldest generation request not yet taken, as OkHttp's MockWebServer gives them: each one once, in the order
     * received, waiting up to {@code timeout} for one; {@code null} when none came in time. Every {@code POST} to the
     * generation path is recorded as it arrives, before the emulator checks anything: the ones it answers 401, 400,
     * 404 or 429, or with a fault, too. Requests over the 600 MB request limit are refused unread and not recorded.
     *
     * <p>Bounded for runs that never take: the latest 1,000 requests and at most 64 MiB of their bodies are kept,
     * the oldest dropped first, and each body only up to 16 MiB ({@link RecordedRequest#bodyTruncated()}). How many
     * requests came in all is {@code stats().generationRequests()}. {@link #reset()} drops the recorded requests with
     * the counters; {@link #configure} keeps them.
     */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return requests.take(TimeUnit.NANOSECONDS.convert(timeout));
    }

    public FaultControl faults() {
        return faults;
    }

    /** The configuration in force now. */
    public EmulatorConfig config() {
        return config.get();
    }

    /**
     * Changes settings of the running emulator (latency, limits, URL expiry, triggers, noise). Host, port, TLS, threads
     * and cache size keep their start values.
     */
    public void configure(Consumer<EmulatorConfig.Builder> change) {
        config.updateAndGet(current -> {
            EmulatorConfig.Builder builder = current.toBuilder();
            change.accept(builder);
            return builder.build();
        });
    }

    /**
     * Counters, recorded requests, faults and settings back to the start configuration; rendered images stay cached.
     */
    public void reset() {
        config.set(startConfig);
        faults.resetTo(startConfig);
        limiter.reset();
        stats.reset();
        requests.clear();
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.close();
        renderExecutor.shutdownNow();
    }

    private String uriHost() {
        String host = startConfig.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
