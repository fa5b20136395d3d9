/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Latency is a timer, not a held thread: one event loop serves many slow requests at once. */
class ConcurrencyTest {

    @Test
    void manySlowRequestsOverlapOnOneEventLoop() {
        try (SeedreamEmulator emu = SeedreamEmulator.start(EmulatorConfig.builder().ioThreads(1).build())) {
            String body = body("concurrent").put("response_format", "url").toString();
            assertThat(Http.generate(emu, body).statusCode()).isEqualTo(200);
            emu.configure(c -> c.latency(Latency.fixed(Duration.ofSeconds(1))));
            HttpClient client = Http.newClient();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 30)
                    .mapToObj(i -> client.sendAsync(Http.generationRequest(emu, body).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            responses.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).as("30 × 1 s in parallel, not in sequence")
                    .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
            assertThat(emu.stats().imagesGenerated()).isEqualTo(31);
        }
    }

    @Test
    void identicalImagesAreRenderedAgainIdenticallyWhenNotCached() {
        try (SeedreamEmulator emu = SeedreamEmulator.start(EmulatorConfig.builder().cacheBytes(0).build())) {
            byte[] first = Http.imageBytes(Http.json(Http.generate(emu, body("no cache"))).at("/data/0"));
            byte[] second = Http.imageBytes(Http.json(Http.generate(emu, body("no cache"))).at("/data/0"));
            assertThat(emu.stats().imagesRendered()).as("the cache bound evicted the first render").isEqualTo(2);
            assertThat(second).as("deterministic rendering, not just caching").isEqualTo(first);
        }
    }
}
