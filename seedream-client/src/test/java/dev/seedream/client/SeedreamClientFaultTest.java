/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.FaultSpec;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.FreePorts;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedreamClientFaultTest extends SharedClientTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).build());

    @Override
    SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HTTP_500", "HTTP_503", "RESET_BEFORE_RESPONSE", "RESET_MID_BODY",
            "TRUNCATED_JSON", "MALFORMED_JSON"})
    void retriesATransientFailureAndSucceeds(Fault fault) {
        String prompt = "retry after " + fault;
        emulator.faults().schedule(fault);

        GenerationResult<byte[]> result = client.generate(b64(prompt).build());

        assertThat(result.images()).hasSize(1);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(emulator.stats().requestsForPrompt(prompt)).isEqualTo(2);
        assertThat(client.metrics().retries()).isPositive();
    }

    @Test
    void waitsForRetryAfterOnA429() {
        emulator.faults().schedule(FaultSpec.http429(1));
        long before = client.metrics().rateLimited();

        GenerationResult<byte[]> result = client.generate(b64("rate limited once").build());

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(client.metrics().rateLimited()).isEqualTo(before + 1);
    }

    @Test
    void doesNotStartARetryThatWouldEndAfterTheCallTimeout() {
        emulator.faults().schedule(FaultSpec.http429(5));
        try (SeedreamClient hurried = EmulatorClients.builder(emulator)
                .callTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> hurried.generate(b64("no time to wait").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(emulator.stats().requestsForPrompt("no time to wait")).isEqualTo(1);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        emulator.faults().schedule(Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500);

        assertThatThrownBy(() -> client.generate(b64("always failing").build()))
                .isInstanceOfSatisfying(SeedreamServerException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.requestId()).isPresent();
                });
        assertThat(emulator.stats().requestsForPrompt("always failing")).isEqualTo(4);
    }

    @Test
    void doesNotRetryFailuresAfterSendingWhenAskedNotTo() {
        emulator.faults().schedule(Fault.HTTP_500);
        try (SeedreamClient careful = EmulatorClients.builder(emulator)
                .retryPolicy(RetryPolicy.defaults().retryAfterSend(false)).build()) {
            assertThatThrownBy(() -> careful.generate(b64("billed at most once").build()))
                    .isInstanceOf(SeedreamServerException.class);
        }
        assertThat(emulator.stats().requestsForPrompt("billed at most once")).isEqualTo(1);
    }

    @Test
    void timesOutAStalledResponse() {
        emulator.faults().schedule(Fault.STALL);
        try (SeedreamClient impatient = EmulatorClients.builder(emulator).requestTimeout(Duration.ofMillis(500))
                .maxRetries(0).build()) {
            assertThatThrownBy(() -> impatient.generate(b64("stalled").build()))
                    .isInstanceOfSatisfying(SeedreamTimeoutException.class,
                            e -> assertThat(e.isRetryable()).isTrue());
        }
    }

    @Test
    void cancellingACallEndsItsHttpExchangeAndFreesItsSlot() throws InterruptedException {
        emulator.faults().schedule(Fault.STALL);
        long sentBefore = client.metrics().requestsSent();
        CompletableFuture<GenerationResult<byte[]>> call = client.generateAsync(b64("cancelled by the caller").build());
        awaitInFlight(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emulator.stats().requestsForPrompt("cancelled by the caller") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the stalled request has reached the emulator
        }

        call.cancel(true);

        awaitInFlight(0);
        assertThat(call).isCancelled();
        assertThat(client.metrics().requestsSent()).isEqualTo(sentBefore + 1);
        assertThat(emulator.stats().requestsForPrompt("cancelled by the caller")).isEqualTo(1);
    }

    private void awaitInFlight(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.metrics().inFlight() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(client.metrics().inFlight()).isEqualTo(expected);
    }

    @Test
    void rejectsAWrongKeyWithoutRetrying() {
        try (SeedreamClient wrongKey = EmulatorClients.builder(emulator).apiKey("not-the-key").build()) {
            assertThatThrownBy(() -> wrongKey.generate(b64("wrong key").build()))
                    .isInstanceOfSatisfying(SeedreamAuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorCode()).isEqualTo("AuthenticationError");
                        assertThat(e.isRetryable()).isFalse();
                    });
        }
        assertThat(emulator.stats().requestsWithStatus(401)).isEqualTo(1);
    }

    @Test
    void mapsAContentPolicyRefusal() {
        assertThatThrownBy(() -> client.generate(b64("something forbidden").build()))
                .isInstanceOfSatisfying(SeedreamContentPolicyException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("InputTextSensitiveContentDetected");
                });
        assertThat(emulator.stats().requestsForPrompt("something forbidden")).isEqualTo(1);
    }

    @Test
    void mapsAnUnknownModel() {
        assertThatThrownBy(() -> client.generate(b64("no such model").model("my-endpoint-123").build()))
                .isInstanceOfSatisfying(SeedreamNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo("InvalidEndpointOrModel.NotFound");
                });
    }

    @Test
    void rejectsInvalidInputBeforeAnyNetworkCall() {
        ImageRequest.Builder tooMany = b64("eleven references").model("seedream-5-0-pro-260628");
        byte[] png = TestImages.png(64, 64);
        for (int i = 0; i < 11; i++) {
            tooMany.image(ReferenceImage.bytes(png));
        }
        ImageRequest request = tooMany.build();

        assertThatThrownBy(() -> client.generate(request))
                .isInstanceOfSatisfying(SeedreamValidationException.class, e -> {
                    assertThat(e.violations()).extracting(SeedreamValidationException.Violation::field)
                            .contains("image");
                    assertThat(e).hasMessageContaining("10");
                    assertThat(e.requestId()).isEmpty();
                });
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void listsEveryBrokenRuleAtOnceWhicheverLayerFindsIt() {
        // size is a rule of the default model, max_images one of every model: both come in one exception
        ImageRequest request = b64("two problems").size("100x100").maxImages(16).build();

        assertThatThrownBy(() -> client.prepare(request))
                .isInstanceOfSatisfying(SeedreamValidationException.class, e -> assertThat(e.violations())
                        .extracting(SeedreamValidationException.Violation::field)
                        .containsExactly("size", "sequential_image_generation_options.max_images"));
        assertThatThrownBy(() -> client.generate(request)).isInstanceOf(SeedreamValidationException.class)
                .hasMessageContaining("2 problems");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void retriesARefusedConnectionAndThenReportsIt() {
        int closedPort = FreePorts.loopback();
        try (SeedreamClient orphan = SeedreamClient.builder().baseUrl("http://127.0.0.1:" + closedPort + "/api/v3")
                .apiKey(EmulatorClients.KEY)
                .retryPolicy(RetryPolicy.defaults().withMaxRetries(1).withDelays(Duration.ZERO, Duration.ZERO))
                .build()) {
            assertThatThrownBy(() -> orphan.generate(b64("nobody home").build()))
                    .isInstanceOfSatisfying(SeedreamConnectionException.class,
                            e -> assertThat(e.isRetryable()).isTrue());
            assertThat(orphan.metrics().requestsSent()).isEqualTo(2);
        }
    }
}
