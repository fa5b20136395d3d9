/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.imageBytes;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Group generation, item-level failures and the SSE stream. */
class GroupAndStreamTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    static ObjectNode group(String prompt, int maxImages) {
        ObjectNode body = body(prompt).put("sequential_image_generation", "auto");
        body.putObject("sequential_image_generation_options").put("max_images", maxImages);
        return body;
    }

    @Test
    void autoProducesMaxImagesDistinctImages() {
        JsonNode root = json(generate(emu, group("a comic strip", 3)));
        assertThat(root.get("data")).hasSize(3);
        Set<String> distinct = new HashSet<>();
        root.get("data").forEach(item -> distinct.add(item.get("b64_json").asText()));
        assertThat(distinct).hasSize(3);
        assertThat(root.at("/usage/generated_images").asInt()).isEqualTo(3);
        assertThat(root.at("/usage/output_tokens").asLong()).isEqualTo(3 * 4096);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(3);
    }

    @Test
    void disabledProducesOneImageWhateverMaxImagesSays() {
        ObjectNode body = group("just one", 4).put("sequential_image_generation", "disabled");
        assertThat(json(generate(emu, body)).get("data")).hasSize(1);
    }

    @Test
    void autoWithoutMaxImagesFillsTheFifteenImageBudget() {
        ObjectNode body = body("as many as allowed").put("sequential_image_generation", "auto")
                .put("response_format", "url");
        body.putArray("image").add(Http.pngDataUri(64, 64, Color.GREEN)).add(Http.pngDataUri(64, 64, Color.GRAY));
        JsonNode root = json(generate(emu, body));
        assertThat(root.get("data")).hasSize(13);
    }

    @Test
    void outputPolicyFailsOneItemInsideA200() {
        HttpResponse<String> response = generate(emu, group("three blocked-image panels", 3));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data).hasSize(3);
        assertThat(data.get(0).has("b64_json")).isTrue();
        assertThat(data.get(1).at("/error/code").asText()).isEqualTo("OutputImageSensitiveContentDetected");
        assertThat(data.get(1).at("/error/message").asText()).isNotBlank();
        assertThat(data.get(1).has("b64_json")).isFalse();
        assertThat(data.get(2).has("b64_json")).isTrue();
        assertThat(json(response).at("/usage/generated_images").asInt()).isEqualTo(2);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(2);
    }

    @Test
    void streamSendsOneEventPerImageThenCompletedThenDone() {
        SseEvents sse = Http.stream(emu, group("streamed panels", 3));
        assertThat(sse.failure).isNull();
        assertThat(sse.response.statusCode()).isEqualTo(200);
        assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(sse.names()).containsExactly(ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.PARTIAL_SUCCEEDED,
                ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.COMPLETED, "[DONE]");
        for (int i = 0; i < 3; i++) {
            JsonNode event = sse.events.get(i).json();
            assertThat(event.get("type").asText()).isEqualTo(ResponseBodies.PARTIAL_SUCCEEDED);
            assertThat(event.get("model").asText()).isEqualTo(Http.MODEL_40);
            assertThat(event.get("created").asLong()).isPositive();
            assertThat(event.get("image_index").asInt()).isEqualTo(i);
            assertThat(event.get("size").asText()).isEqualTo("1024x1024");
            assertThat(Http.decode(imageBytes(event)).getWidth()).isEqualTo(1024);
        }
        JsonNode completed = sse.events.get(3).json();
        assertThat(completed.get("type").asText()).isEqualTo(ResponseBodies.COMPLETED);
        assertThat(completed.at("/usage/generated_images").asInt()).isEqualTo(3);
        assertThat(completed.at("/usage/output_tokens").asLong()).isEqualTo(3 * 4096);
        assertThat(completed.at("/usage/input_images").asInt()).isZero();
    }

    @Test
    void usageCountsTheReferenceImages() {
        ObjectNode body = group("with references", 2).put("response_format", "url");
        body.putArray("image").add(Http.pngDataUri(64, 64, Color.GREEN)).add("https://example.com/a.png")
                .add(Http.pngDataUri(64, 64, Color.GRAY));
        JsonNode usage = json(generate(emu, body)).get("usage");
        assertThat(usage.get("input_images").asInt()).isEqualTo(3);
        assertThat(usage.get("generated_images").asInt()).isEqualTo(2);
        SseEvents sse = Http.stream(emu, body);
        assertThat(sse.events.get(2).json().at("/usage/input_images").asInt()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "completed-and-done, image_generation.completed, [DONE]",
            "done-only, , [DONE]",
            "none, , "})
    void streamEndsCleanlyWithOrWithoutCompletedAndDone(String setting, String completed, String done) {
        emu.configure(c -> c.sseCompletion(SseCompletion.parse(setting)));
        SseEvents sse = Http.stream(emu, group("stream ending " + setting, 2).put("response_format", "url"));
        assertThat(sse.failure).as("the chunked body ends with its terminator").isNull();
        List<String> expected = new ArrayList<>(List.of(ResponseBodies.PARTIAL_SUCCEEDED,
                ResponseBodies.PARTIAL_SUCCEEDED));
        Stream.of(completed, done).filter(Objects::nonNull).forEach(expected::add);
        assertThat(sse.names()).containsExactlyElementsOf(expected);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(2);
        assertThat(generate(emu, body("after the stream")).statusCode()).as("the connection stays usable")
                .isEqualTo(200);
    }

    @Test
    void streamEndingIsSetByAdminAndCommandLine() {
        HttpResponse<String> set = Http.admin(emu, "POST", "config", "{\"sseCompletion\":\"done-only\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set).get("sseCompletion").asText()).isEqualTo("done-only");
        assertThat(Http.stream(emu, body("admin ending")).names()).containsExactly(ResponseBodies.PARTIAL_SUCCEEDED,
                "[DONE]");
        assertThat(Http.admin(emu, "POST", "config", "{\"sseCompletion\":\"sometimes\"}").statusCode())
                .isEqualTo(400);
        assertThat(CommandLine.parse("--sse-completion", "none").config().sseCompletion())
                .isEqualTo(SseCompletion.NONE);
        assertThat(EmulatorConfig.defaults().sseCompletion()).isEqualTo(SseCompletion.COMPLETED_AND_DONE);
    }

    @Test
    void streamReportsItemFailureAndGoesOn() {
        SseEvents sse = Http.stream(emu, group("stream blocked-image", 3).put("response_format", "url"));
        assertThat(sse.names()).containsExactly(ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.PARTIAL_FAILED,
                ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.COMPLETED, "[DONE]");
        JsonNode failed = sse.events.get(1).json();
        assertThat(failed.get("image_index").asInt()).isEqualTo(1);
        assertThat(failed.at("/error/code").asText()).isEqualTo("OutputImageSensitiveContentDetected");
        assertThat(sse.events.get(0).json().get("url").asText()).startsWith("http://127.0.0.1:");
        assertThat(sse.events.get(3).json().at("/usage/generated_images").asInt()).isEqualTo(2);
    }

    @Test
    void streamEmitsImagesAsTheyAreGenerated() {
        emu.configure(c -> c.latency(Latency.fixed(Duration.ofMillis(300))));
        long start = System.nanoTime();
        SseEvents sse = Http.stream(emu, group("slow stream", 3).put("response_format", "url"));
        List<SseEvents.Event> events = sse.events;
        assertThat(events).hasSize(5);
        assertThat(Duration.ofNanos(events.get(0).arrivedNanos() - start)).isGreaterThanOrEqualTo(
                Duration.ofMillis(250));
        assertThat(Duration.ofNanos(events.get(2).arrivedNanos() - events.get(0).arrivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void nonStreamingGroupWaitsForEveryImage() {
        emu.configure(c -> c.latency(Latency.fixed(Duration.ofMillis(200))));
        long start = System.nanoTime();
        assertThat(json(generate(emu, group("slow group", 3).put("response_format", "url"))).get("data"))
                .hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
}
