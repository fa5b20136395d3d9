/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.RecordedRequest;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.awt.Color;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the client puts on the wire, read back from the emulator's {@code takeRequest}: each option as its API
 * field (and nothing for options left unset), the headers, a fresh request id per attempt, and reference images as
 * data URIs of their sniffed type or as the URLs given.
 */
class SeedreamClientSentRequestTest {

    private static final String MODEL_45 = "seedream-4-5-251128";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    private final SeedreamClient client = EmulatorClients.builder(emulator).build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void sendsEveryOptionAsItsApiFieldWithTheHeaders() throws InterruptedException {
        GenerationResult<byte[]> result = client.generate(ImageRequest.builder().model(MODEL_45)
                .prompt("three views of a lighthouse").size("2K").seed(42L).guidanceScale(5.5).watermark(false)
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(3)
                .responseFormat(ResponseFormat.URL).optimizePromptMode("standard").optimizePromptThinking("auto")
                .extraField("metadata", Map.of("teams", List.of("qa"))).extraField("user_tag", null).build());
        assertThat(result.images()).hasSize(3);

        RecordedRequest sent = taken();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v3/images/generations");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + EmulatorClients.KEY);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(sent.header("X-Client-Request-Id")).matches(UUID_PATTERN);
        JsonNode body = sent.json();
        assertThat(fieldNames(body)).containsExactly("model", "prompt", "size", "seed", "guidance_scale",
                "sequential_image_generation", "sequential_image_generation_options", "response_format",
                "watermark", "optimize_prompt_options", "metadata", "user_tag");
        assertThat(body.get("model").asText()).isEqualTo(MODEL_45);
        assertThat(body.get("prompt").asText()).isEqualTo("three views of a lighthouse");
        assertThat(body.get("size").asText()).isEqualTo("2K");
        assertThat(body.get("seed").isIntegralNumber()).isTrue();
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.get("guidance_scale").asDouble()).isEqualTo(5.5);
        assertThat(body.get("sequential_image_generation").asText()).isEqualTo("auto");
        assertThat(body.at("/sequential_image_generation_options/max_images").asInt()).isEqualTo(3);
        assertThat(body.get("response_format").asText()).isEqualTo("url");
        assertThat(body.get("watermark").isBoolean()).isTrue();
        assertThat(body.get("watermark").asBoolean()).isFalse();
        assertThat(fieldNames(body.get("optimize_prompt_options"))).containsExactly("mode", "thinking");
        assertThat(body.at("/optimize_prompt_options/mode").asText()).isEqualTo("standard");
        assertThat(body.at("/optimize_prompt_options/thinking").asText()).isEqualTo("auto");
        assertThat(body.at("/metadata/teams/0").asText()).isEqualTo("qa");
        assertThat(body.at("/metadata/teams")).hasSize(1);
        assertThat(body.get("user_tag").isNull()).isTrue();
    }

    @Test
    void sendsOnlyTheFieldsSetAndTheClientsDefaultModel() throws InterruptedException {
        client.generate(b64("nothing else set").build());
        JsonNode body = taken().json();
        assertThat(fieldNames(body)).containsExactly("model", "prompt", "size", "response_format");
        assertThat(body.get("model").asText()).isEqualTo(SeedreamClient.DEFAULT_MODEL);

        try (SeedreamClient on45 = EmulatorClients.builder(emulator).defaultModel(MODEL_45).build()) {
            on45.generate(b64("default model of this client").size("2K").build());
            on45.generate(b64("explicit model wins").model(SeedreamClient.DEFAULT_MODEL).build());
        }
        assertThat(taken().json().get("model").asText()).isEqualTo(MODEL_45);
        assertThat(taken().json().get("model").asText()).isEqualTo(SeedreamClient.DEFAULT_MODEL);
    }

    @Test
    void aStreamAsksForEventsInBodyAndAcceptHeader() throws InterruptedException {
        client.generate(b64("streamed").stream(true).build());

        RecordedRequest sent = taken();
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.json().get("stream").isBoolean()).isTrue();
        assertThat(sent.json().get("stream").asBoolean()).isTrue();
    }

    @Test
    void aRetrySendsTheSameBodyWithAFreshClientRequestId() throws InterruptedException {
        emulator.faults().schedule(Fault.HTTP_503);
        GenerationResult<byte[]> result = client.generate(b64("retried once").seed(7L).build());
        assertThat(result.attempts()).isEqualTo(2);

        RecordedRequest first = taken();
        RecordedRequest second = taken();
        assertThat(emulator.takeRequest(Duration.ZERO)).as("two attempts, no more").isNull();
        assertThat(first.header("X-Client-Request-Id")).matches(UUID_PATTERN)
                .isNotEqualTo(second.header("X-Client-Request-Id"));
        assertThat(second.header("X-Client-Request-Id")).matches(UUID_PATTERN);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Authorization")).isEqualTo(first.header("Authorization"))
                .isEqualTo("Bearer " + EmulatorClients.KEY);
    }

    @Test
    void sendsInlineImagesAsDataUrisOfTheSniffedTypeAndUrlsAsGivenInOrder() throws InterruptedException {
        byte[] png = TestImages.png(64, 48, Color.BLUE);
        byte[] jpeg = ReferenceImageSamples.jpeg(80, 60);
        byte[] pngDeclaredAsJpeg = ReferenceImageSamples.png(32, 32);
        String firstUrl = emulator.baseUri().resolve("/refs/first.png").toString();
        String secondUrl = emulator.baseUri().resolve("/refs/second.jpg?v=2").toString();
        client.generate(b64("five references").images(List.of(ReferenceImage.bytes(png), ReferenceImage.url(firstUrl),
                ReferenceImage.bytes(jpeg), ReferenceImage.dataUri("data:image/jpeg;base64,"
                        + Base64.getEncoder().encodeToString(pngDeclaredAsJpeg)), ReferenceImage.url(secondUrl)))
                .build());

        JsonNode images = taken().json().get("image");
        assertThat(images.isArray()).isTrue();
        assertThat(images).hasSize(5);
        assertDataUri(images.get(0), "image/png", png);
        assertThat(images.get(1).asText()).isEqualTo(firstUrl);
        assertDataUri(images.get(2), "image/jpeg", jpeg);
        assertDataUri(images.get(3), "image/png", pngDeclaredAsJpeg);
        assertThat(images.get(4).asText()).isEqualTo(secondUrl);
    }

    @Test
    void sendsASingleReferenceAsAStringNotAnArray() throws InterruptedException {
        byte[] jpeg = TestImages.jpeg(40, 40);
        client.generate(b64("one reference").image(ReferenceImage.bytes(jpeg)).build());

        JsonNode image = taken().json().get("image");
        assertThat(image.isTextual()).as("a string").isTrue();
        assertDataUri(image, "image/jpeg", jpeg);
    }

    private static RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = emulator.takeRequest(WAIT);
        assertThat(request).as("a request reached the emulator").isNotNull();
        return request;
    }

    private static List<String> fieldNames(JsonNode body) {
        return body.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** A {@code data:<mime>;base64,} URI whose base64 decodes to exactly {@code bytes}. */
    private static void assertDataUri(JsonNode value, String mimeType, byte[] bytes) {
        String prefix = "data:" + mimeType + ";base64,";
        assertThat(value.asText()).startsWith(prefix);
        assertThat(Base64.getDecoder().decode(value.asText().substring(prefix.length()))).isEqualTo(bytes);
    }
}
