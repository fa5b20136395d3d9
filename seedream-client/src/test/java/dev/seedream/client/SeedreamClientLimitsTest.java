/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedreamClientLimitsTest {

    private static final Duration LATENCY = Duration.ofMillis(200);
    // The emulator itself answers 429 beyond 2 requests in flight: any excess sent by the client would show.
    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.fixed(LATENCY)).maxInFlight(2).build());

    @Test
    void neverHasMoreRequestsInFlightThanAllowed() {
        try (SeedreamClient client = EmulatorClients.builder(emulator).maxConcurrentRequests(2).maxRetries(0)
                .build()) {
            List<CompletableFuture<GenerationResult<byte[]>>> calls = IntStream.range(0, 6)
                    .mapToObj(i -> client.generateAsync(b64("queued " + i).build())).toList();
            assertThat(client.metrics().waiting()).isEqualTo(4);
            assertThat(client.metrics().inFlight()).isEqualTo(2);

            calls.forEach(CompletableFuture::join);

            assertThat(emulator.stats().requestsWithStatus(429)).isZero();
            assertThat(emulator.stats().requestsWithStatus(200)).isEqualTo(6);
            assertThat(client.metrics().inFlight()).isZero();
            assertThat(client.metrics().waiting()).isZero();
        }
    }

    @Test
    void failsACallThatWaitsLongerThanAllowedForASlot() {
        try (SeedreamClient client = EmulatorClients.builder(emulator).maxConcurrentRequests(1)
                .maxLimitWait(Duration.ofMillis(50)).build()) {
            CompletableFuture<GenerationResult<byte[]>> first = client.generateAsync(b64("holds the slot").build());

            assertThatThrownBy(() -> client.generate(b64("waits too long").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> {
                        assertThat(e.isLocalLimit()).isTrue();
                        assertThat(e).hasMessageContaining("maxConcurrentRequests=1");
                    });
            assertThat(first.join().images()).hasSize(1);
            assertThat(emulator.stats().requestsForPrompt("waits too long")).isZero();
            assertThat(client.metrics().rateLimited()).isEqualTo(1);
        }
    }

    @Test
    void countsImagesAgainstTheImagesPerMinuteQuota() {
        try (SeedreamClient client = EmulatorClients.builder(emulator).imagesPerMinute(3)
                .maxLimitWait(Duration.ofMillis(100)).build()) {
            client.generate(b64("two of three").sequentialImageGeneration(SequentialImageGeneration.AUTO)
                    .maxImages(2).build());

            assertThatThrownBy(() -> client.generate(b64("two more").sequentialImageGeneration(
                    SequentialImageGeneration.AUTO).maxImages(2).build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e).hasMessageContaining("imagesPerMinute=3"));
            assertThat(client.generate(b64("the third").build()).images()).hasSize(1);
            assertThat(emulator.stats().requestsForPrompt("two more")).isZero();
            assertThat(client.metrics().budget()).as("the client's own window")
                    .isEqualTo(new ImageBudget.Metrics(2, 1, 0, 0, 0, false, 3, 0));
        }
    }

    @Test
    void aProviderImagesPerMinute429KeepsTheCallsImagesInTheMinute() {
        // The provider's minute holds one image, ours two: the second call meets the provider's limit.
        emulator.configure(config -> config.imagesPerMinute(1));
        try (SeedreamClient client = EmulatorClients.builder(emulator).imagesPerMinute(2).maxRetries(0)
                .maxLimitWait(Duration.ofMillis(100)).build()) {
            client.generate(b64("fills the provider's minute").build());
            assertThatThrownBy(() -> client.generate(b64("meets the provider's 429").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> {
                        assertThat(e.isLocalLimit()).isFalse();
                        assertThat(e.errorCode()).isEqualTo("ModelAccountIpmRateLimitExceeded");
                    });

            // Had the image gone back to our window, this call would have been sent into the same full minute.
            assertThatThrownBy(() -> client.generate(b64("would meet it too").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> {
                        assertThat(e.isLocalLimit()).isTrue();
                        assertThat(e).hasMessageContaining("imagesPerMinute=2");
                    });
            assertThat(emulator.stats().requestsForPrompt("would meet it too")).isZero();
        }
    }

    @Test
    void anOverload429GivesTheCallsImagesBack() {
        emulator.faults().schedule(Fault.HTTP_429);
        try (SeedreamClient client = EmulatorClients.builder(emulator).imagesPerMinute(1).maxRetries(0)
                .maxLimitWait(Duration.ofMillis(100)).build()) {
            assertThatThrownBy(() -> client.generate(b64("meets an overloaded provider").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ServerOverloaded"));

            assertThat(client.generate(b64("goes through afterwards").build()).images()).hasSize(1);
        }
    }

    @Test
    void aCallCancelledWhileWaitingForASlotPassesTheSlotOnAtOnce() throws Exception {
        try (SeedreamClient client = EmulatorClients.builder(emulator).maxConcurrentRequests(1).imagesPerMinute(1)
                .maxLimitWait(Duration.ofSeconds(2)).build()) {
            CompletableFuture<GenerationResult<byte[]>> first = client.generateAsync(b64("takes slot and image").build());
            client.generateAsync(b64("changes its mind").build()).cancel(true);
            CompletableFuture<GenerationResult<byte[]>> last = client.generateAsync(b64("waits behind them").build());

            assertThat(first.get(5, TimeUnit.SECONDS).images()).hasSize(1);
            Thread.sleep(LATENCY.toMillis());
            // The last call now holds the slot and waits for the window's image; the cancelled one holds nothing.
            // (Had it taken the slot to wait for an image itself, two calls would be waiting.)
            assertThat(client.metrics().waiting()).isEqualTo(1);
            assertThatThrownBy(() -> last.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SeedreamRateLimitException.class)
                    .hasMessageContaining("imagesPerMinute=1");
            assertThat(emulator.stats().requestsForPrompt("changes its mind")).isZero();
        }
    }

    @Test
    void clientsGivenOneBudgetDrawOnItTogether() throws Exception {
        // A window long enough that a slow first call (a busy machine) cannot let the third one in.
        try (ImageBudget shared = ImageBudget.slidingWindow(2, Duration.ofSeconds(3));
             SeedreamClient first = EmulatorClients.builder(emulator).imageBudget(shared).imagesPerMinute(1)
                     .maxLimitWait(Duration.ofMillis(300)).build();
             SeedreamClient second = EmulatorClients.builder(emulator).imageBudget(shared)
                     .maxLimitWait(Duration.ofSeconds(6)).build()) {
            assertThat(first.generate(b64("one of two").build()).images()).as("the budget replaces imagesPerMinute")
                    .hasSize(1);
            assertThat(first.generate(b64("two of two").build()).images()).hasSize(1);
            assertThatThrownBy(() -> first.generate(b64("third within the window").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> {
                        assertThat(e.isLocalLimit()).isTrue();
                        assertThat(e).hasMessageContaining("2 images per 3000 ms");
                    });

            long start = System.nanoTime();
            assertThat(second.generate(b64("waits for the window").build()).images()).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("granted once the first grant has left")
                    .isGreaterThan(Duration.ofMillis(300));
            assertThat(emulator.stats().requestsForPrompt("third within the window")).isZero();
            assertThat(first.metrics().budget()).as("both clients report the budget they share")
                    .isEqualTo(second.metrics().budget())
                    .isEqualTo(new ImageBudget.Metrics(3, 2, 0, 0, 0, false, 3, 0));
        }
    }
}
