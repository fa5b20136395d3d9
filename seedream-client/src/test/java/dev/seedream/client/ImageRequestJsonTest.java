/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageRequestJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesEveryFieldUnderItsApiName() throws Exception {
        ImageRequest request = ImageRequest.builder().model("seedream-5-0-260128").prompt("a \"quoted\" fox")
                .image(ReferenceImage.url("https://example.com/a.png")).size(2048, 2048).seed(42L).guidanceScale(2.5)
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(4).stream(true)
                .responseFormat(ResponseFormat.B64_JSON).watermark(false).optimizePromptMode("standard")
                .optimizePromptThinking("auto").outputFormat("png").extraField("tools", List.of(Map.of("type", "web_search")))
                .extraField("future_flag", null).build();

        JsonNode json = MAPPER.readTree(RequestJson.of(request));

        assertThat(fieldNames(json)).containsExactly("model", "prompt", "image", "size", "seed", "guidance_scale",
                "sequential_image_generation", "sequential_image_generation_options", "stream", "response_format",
                "watermark", "optimize_prompt_options", "output_format", "tools", "future_flag");
        assertThat(json.get("prompt").asText()).isEqualTo("a \"quoted\" fox");
        assertThat(json.get("image").isTextual()).as("one reference is a string").isTrue();
        assertThat(json.get("size").asText()).isEqualTo("2048x2048");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("guidance_scale").asDouble()).isEqualTo(2.5);
        assertThat(json.get("sequential_image_generation").asText()).isEqualTo("auto");
        assertThat(json.at("/sequential_image_generation_options/max_images").asInt()).isEqualTo(4);
        assertThat(json.get("stream").asBoolean()).isTrue();
        assertThat(json.get("response_format").asText()).isEqualTo("b64_json");
        assertThat(json.get("watermark").asBoolean()).isFalse();
        assertThat(json.at("/optimize_prompt_options/mode").asText()).isEqualTo("standard");
        assertThat(json.at("/optimize_prompt_options/thinking").asText()).isEqualTo("auto");
        assertThat(json.get("output_format").asText()).isEqualTo("png");
        assertThat(json.at("/tools/0/type").asText()).isEqualTo("web_search");
        assertThat(json.get("future_flag").isNull()).isTrue();
    }

    @Test
    void thinkingAloneIsSentWithoutAMode() throws Exception {
        JsonNode json = MAPPER.readTree(RequestJson.of(
                ImageRequest.builder().prompt("p").optimizePromptThinking("enabled").build()));

        assertThat(fieldNames(json.get("optimize_prompt_options"))).containsExactly("thinking");
    }

    @Test
    void unsetFieldsAreNotSentSoProviderDefaultsApply() throws Exception {
        JsonNode json = MAPPER.readTree(RequestJson.of(ImageRequest.builder().prompt("just a prompt").build()));

        assertThat(fieldNames(json)).containsExactly("prompt");
    }

    @Test
    void severalReferencesAreAnArrayOfUrlsAndDataUris() throws Exception {
        byte[] png = ReferenceImageSamples.png(30, 30);
        byte[] jpegNamedPng = ReferenceImageSamples.jpeg(30, 30);
        String declaredPng = "data:image/png;base64," + Base64.getEncoder().encodeToString(jpegNamedPng);
        ImageRequest request = ImageRequest.builder().prompt("p").image(ReferenceImage.url("https://example.com/a.png"))
                .image(ReferenceImage.bytes(png))
                .image(ReferenceImage.dataUri(declaredPng))
                .build();

        JsonNode images = MAPPER.readTree(RequestJson.of(request)).get("image");

        assertThat(images.isArray()).isTrue();
        assertThat(images).extracting(JsonNode::asText).containsExactly("https://example.com/a.png",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png),
                "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpegNamedPng));
    }

    @Test
    void aLargeReferenceRoundTripsExactly() throws Exception {
        byte[] big = ReferenceImageSamples.paddedJpeg(8 * 1024 * 1024 + 1); // +1: exercises '=' padding
        big[big.length - 1] = 0x5A;
        ImageRequest request = ImageRequest.builder().prompt("p").image(ReferenceImage.bytes(big)).build();

        String dataUri = MAPPER.readTree(RequestJson.of(request)).get("image").asText();

        assertThat(dataUri).startsWith("data:image/jpeg;base64,");
        assertThat(Base64.getDecoder().decode(dataUri.substring("data:image/jpeg;base64,".length()))).isEqualTo(big);
    }

    @Test
    void aLargeReferenceIsStreamedWithoutBuildingItsBase64String() throws Exception {
        int size = 8 * 1024 * 1024;
        ImageRequest request = ImageRequest.builder().prompt("p")
                .image(ReferenceImage.bytes(ReferenceImageSamples.paddedJpeg(size))).build();
        RequestJson.of(ImageRequest.builder().prompt("warm-up")
                .image(ReferenceImage.bytes(ReferenceImageSamples.jpeg(8, 8))).build());

        long streamed = allocatedBy(() -> request.writeJson(OutputStream.nullOutputStream()));

        assertThat(streamed).as("bytes allocated while streaming the body").isLessThan(size / 8);
    }

    private static long allocatedBy(ThrowingRunnable action) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
