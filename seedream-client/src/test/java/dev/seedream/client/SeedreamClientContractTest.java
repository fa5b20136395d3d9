/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SseCompletion;
import dev.seedream.emulator.junit.HostileServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The readings of the revised API contract, each against the emulator over loopback. */
class SeedreamClientContractTest extends SharedClientTest {

    private static final String PRO = "seedream-5-0-pro-260628";

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).build());

    @Override
    SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    @ParameterizedTest
    @EnumSource(value = SseCompletion.class, names = {"DONE_ONLY", "NONE"})
    void aStreamThatEndsCleanlyWithoutCompletedIsASuccessWithUnknownUsage(SseCompletion ending) {
        emulator.configure(c -> c.sseCompletion(ending));
        List<Integer> arrived = new CopyOnWriteArrayList<>();

        GenerationResult<byte[]> result = client.generateAsync(b64("one streamed image " + ending).stream(true).build(),
                ImageSinks.memory(), image -> arrived.add(image.index())).join();

        assertThat(result.images()).singleElement().satisfies(image -> assertThat(image.content()).isNotEmpty());
        assertThat(arrived).containsExactly(0);
        assertThat(result.usage()).isEmpty();
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void aStreamWithItsCompletionEventReportsUsage() {
        GenerationResult<byte[]> result = client.generate(b64("streamed with usage").stream(true).build());

        assertThat(result.usage()).map(Usage::generatedImages).contains(1);
    }

    @Test
    void aTopLevelErrorInA200IsAFailureTypedByItsCodeNeverAnEmptySuccess() {
        emulator.faults().schedule(Fault.ERROR_IN_200, Fault.ERROR_IN_200);
        try (SeedreamClient once = EmulatorClients.builder(emulator).maxRetries(1).build()) {
            assertThatThrownBy(() -> once.generate(b64("error inside a 200").build()))
                    .isInstanceOfSatisfying(SeedreamServerException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("InternalServiceError");
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.requestId()).isPresent();
                        assertThat(e).hasMessageContaining(e.requestId().orElseThrow());
                    });
        }
        assertThat(emulator.stats().requestsForPrompt("error inside a 200")).isEqualTo(2);
        assertThat(emulator.stats().imagesGenerated()).isZero();
    }

    @Test
    void aTopLevelErrorInA200IsRetriedLikeA500AndThenSucceeds() {
        emulator.faults().schedule(Fault.ERROR_IN_200);

        GenerationResult<byte[]> result = client.generate(b64("error in 200 then fine").build());

        assertThat(result.images()).hasSize(1);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void aTopLevelErrorEventInAStreamFailsTheCall() {
        emulator.faults().schedule(Fault.ERROR_IN_200);
        try (SeedreamClient noRetry = EmulatorClients.builder(emulator).maxRetries(0).build()) {
            assertThatThrownBy(() -> noRetry.generate(b64("error event").stream(true).build()))
                    .isInstanceOfSatisfying(SeedreamServerException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("InternalServiceError"));
        }
    }

    @Test
    void anErrorEventAfterAnImageIsACutStreamAndNotRetried() {
        String jpeg = java.util.Base64.getEncoder().encodeToString(
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0});
        List<Integer> arrived = new CopyOnWriteArrayList<>();
        try (HostileServer server = HostileServer.start("127.0.0.1").then(HostileServer.events(
                "data: {\"type\":\"image_generation.partial_succeeded\",\"image_index\":0,\"b64_json\":\"" + jpeg
                        + "\"}\n\ndata: {\"error\":{\"code\":\"InternalServiceError\",\"message\":\"m\"}}\n\n"));
             SeedreamClient retrying = EmulatorClients.builder(server).maxRetries(3).build()) {
            assertThatThrownBy(() -> retrying.generateAsync(b64("image then error").stream(true).build(),
                    ImageSinks.memory(), image -> arrived.add(image.index())).join())
                    .hasCauseInstanceOf(SeedreamStreamInterruptedException.class)
                    .satisfies(e -> {
                        SeedreamStreamInterruptedException cut = (SeedreamStreamInterruptedException) e.getCause();
                        assertThat(cut.imagesReceived()).isEqualTo(1);
                        assertThat(cut.isRetryable()).isFalse();
                        assertThat(cut.getCause()).isInstanceOf(SeedreamServerException.class);
                    });
            assertThat(server.requests()).as("no second request: it would deliver the image again")
                    .hasSize(1);
        }
        assertThat(arrived).containsExactly(0);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"QUOTA_EXCEEDED", "SET_LIMIT_EXCEEDED"})
    void anExhaustedQuotaIsItsOwnTypeAndNeverRetried(Fault fault) {
        String prompt = "quota " + fault;
        emulator.faults().schedule(fault);

        assertThatThrownBy(() -> client.generate(b64(prompt).build()))
                .isInstanceOfSatisfying(SeedreamQuotaExceededException.class, e -> {
                    assertThat(e).isInstanceOf(SeedreamRateLimitException.class);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.errorCode()).isIn("QuotaExceeded", "SetLimitExceeded");
                    assertThat(e.requestId()).isPresent();
                });
        assertThat(emulator.stats().requestsForPrompt(prompt)).isEqualTo(1);
    }

    @Test
    void otherRateLimitsWithoutRetryAfterAreRetriedWithBackoff() {
        emulator.faults().schedule(Fault.HTTP_429, Fault.HTTP_429);

        GenerationResult<byte[]> result = client.generate(b64("two 429s without Retry-After").build());

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.images()).hasSize(1);
    }

    @Test
    void anOverload429IsARetryableRateLimitWithoutRetryAfter() {
        emulator.faults().schedule(Fault.HTTP_429);
        try (SeedreamClient noRetry = EmulatorClients.builder(emulator).maxRetries(0).build()) {
            assertThatThrownBy(() -> noRetry.generate(b64("a 429").build()))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> {
                        assertThat(e).isNotInstanceOf(SeedreamQuotaExceededException.class);
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.retryAfter()).isEmpty();
                    });
        }
    }

    @Test
    void aModelThatIsNotOpenIsNotFound() {
        emulator.configure(c -> c.notOpenModels("seedream-4-5-251128"));

        assertThatThrownBy(() -> client.generate(b64("closed model").model("seedream-4-5-251128").size("2K").build()))
                .isInstanceOfSatisfying(SeedreamNotFoundException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("ModelNotOpen"));
    }

    @Test
    void seedream50ProGeneratesOneImageForAGroupRequestAndRefusesStreamingLocally() {
        GenerationResult<byte[]> result = client.generate(b64("pro set").model(PRO).size("1.5K").maxImages(4).build());

        assertThat(result.images()).singleElement().satisfies(image -> assertThat(image.size()).isEqualTo("1536x1536"));
        assertThatThrownBy(() -> client.generate(b64("pro stream").model(PRO).stream(true).build()))
                .isInstanceOfSatisfying(SeedreamValidationException.class, e -> assertThat(e.violations())
                        .extracting(SeedreamValidationException.Violation::field).containsExactly("stream"));
        assertThat(emulator.stats().requestsForPrompt("pro stream")).isZero();
    }

    @Test
    void anEndpointIdIsSentAsIsWithTheWidestLimits() {
        GenerationResult<byte[]> result = client.generate(b64("via an endpoint").model("ep-20260101-abcde")
                .size("1.5K").build());

        assertThat(result.model()).isEqualTo("ep-20260101-abcde");
        assertThat(result.images()).hasSize(1);
    }

    @Test
    void maxImagesWithDisabledIsSentAndGivesOneImage() {
        GenerationResult<byte[]> result = client.generate(b64("max images but disabled").maxImages(3)
                .sequentialImageGeneration(SequentialImageGeneration.DISABLED).build());

        assertThat(result.images()).hasSize(1);
        assertThat(emulator.stats().requestsByStatus()).containsEntry(200, 1L);
    }

    @Test
    void fourZeroTakesTheWiderReferenceReading() {
        ImageRequest.Builder request = b64("fourteen references, one webp").model("seedream-4-0-250828");
        for (int i = 0; i < 13; i++) {
            request.image(ReferenceImage.url("https://example.com/" + i + ".jpg"));
        }
        request.image(ReferenceImage.bytes(ReferenceImageSamples.webpLossy(64, 64)));

        assertThat(client.generate(request.build()).images()).hasSize(1);
    }
}
