/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.SeedreamEmulator;
import dev.seedream.emulator.junit.HostileServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What bounds a whole call (callTimeout; maxLimitWait over all its attempts), and which provider 429s keep the
 * attempt's images in the window.
 */
class SeedreamClientCallBoundsTest {

    private static final Duration MAX_LIMIT_WAIT = Duration.ofMillis(2500);

    @Test
    void aCallEndsByItsCallTimeoutThoughItsAttemptIsStillOpen() throws Exception {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().build());
             SeedreamClient client = EmulatorClients.builder(emulator).callTimeout(Duration.ofSeconds(1)).build()) {
            emulator.faults().schedule(Fault.STALL);
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.generate(b64("never answered").build()))
                    .isInstanceOfSatisfying(SeedreamTimeoutException.class,
                            e -> assertThat(e).hasMessageContaining("callTimeout of 1000 ms"));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (emulator.stats().inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(emulator.stats().inFlight()).as("the open exchange was aborted").isZero();
            assertThat(client.metrics().inFlight()).isZero();
        }
    }

    /**
     * The provider keeps saying its minute is full and our window holds one image a second: each retry waits for
     * the window again. Those waits and the backoff share one maxLimitWait, so the call ends after it (with five
     * retries and a wait per attempt it would take six seconds and six requests).
     */
    @Test
    void maxLimitWaitBoundsTheWaitsOfAllAttemptsTogether() {
        try (HostileServer server = HostileServer.start("127.0.0.1");
             ImageBudget window = ImageBudget.slidingWindow(1, Duration.ofSeconds(1));
             SeedreamClient client = EmulatorClients.builder(server).imageBudget(window).maxRetries(5)
                     .maxLimitWait(MAX_LIMIT_WAIT).build()) {
            server.otherwise(limited("ModelAccountIpmRateLimitExceeded"));
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.generate(b64("the provider stays full").build()))
                    .isInstanceOf(SeedreamRateLimitException.class);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(MAX_LIMIT_WAIT.plusSeconds(1));
            assertThat(server.requests()).as("an attempt per image of the window within the wait").hasSizeBetween(2, 3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ModelAccountIpmRateLimitExceeded", "RateLimitExceeded.EndpointIPMExceeded",
            "ModelAccountRpmRateLimitExceeded", "RateLimitExceeded.EndpointTPMExceeded", "ACodeNobodyDocumented"})
    void a429ThatMaySayTheMinuteIsFullKeepsTheImages(String code) {
        try (HostileServer server = HostileServer.start("127.0.0.1");
             SeedreamClient client = EmulatorClients.builder(server).imagesPerMinute(1).maxRetries(0)
                     .maxLimitWait(Duration.ofMillis(100)).build()) {
            server.otherwise(limited(code));
            assertThatThrownBy(() -> client.generate(b64("meets the 429").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(code));

            assertThatThrownBy(() -> client.generate(b64("is held back").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.isLocalLimit()).as("refused by our window").isTrue());
            assertThat(server.requests()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RequestBurstTooFast", "InflightBatchsizeExceeded", "ServerOverloaded"})
    void aMomentary429GivesTheImagesBack(String code) {
        try (HostileServer server = HostileServer.start("127.0.0.1");
             SeedreamClient client = EmulatorClients.builder(server).imagesPerMinute(1).maxRetries(0)
                     .maxLimitWait(Duration.ofMillis(100)).build()) {
            server.otherwise(limited(code));
            assertThatThrownBy(() -> client.generate(b64("meets the 429").build()))
                    .isInstanceOf(SeedreamRateLimitException.class);

            assertThatThrownBy(() -> client.generate(b64("is sent").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(code));
            assertThat(server.requests()).hasSize(2);
        }
    }

    private static HostileServer.Answer limited(String code) {
        return HostileServer.json(429, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"too many\","
                + "\"type\":\"TooManyRequests\"}}");
    }
}
