/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.JSON;
import static dev.seedream.emulator.Http.MODEL_45;
import static dev.seedream.emulator.Http.admin;
import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which limits a model id gets: {@code ep-…} endpoint ids, mapped or not, and models not open for the key. */
class ModelAccessTest {

    private static final String MAPPED = "ep-20250101-mapped";
    private static final String UNMAPPED = "ep-20250101-unknown";
    private static final String HEIC = "data:image/heic;base64,aGVsbG8=";

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .endpoint(MAPPED, MODEL_45).build());

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1K, 1024x1024", "1.5K, 1536x1536", "3K, 3072x3072", "4K, 4096x4096", "1280x720, 1280x720"})
    void unmappedEndpointGetsEveryLabelAndTheWidestArea(String size, String produced) {
        HttpResponse<String> response = generate(emu, body("endpoint " + size).put("model", UNMAPPED)
                .put("size", size).put("response_format", "url"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("model").asText()).as("echoed as sent").isEqualTo(UNMAPPED);
        assertThat(json(response).at("/data/0/size").asText()).isEqualTo(produced);
    }

    @Test
    void unmappedEndpointGetsTheWidestReferencesAndFeatures() {
        ObjectNode body = Http.withReferences(body("widest endpoint").put("model", UNMAPPED), 14, HEIC)
                .put("sequential_image_generation", "auto").put("output_format", "png");
        body.putObject("sequential_image_generation_options").put("max_images", 1);
        body.set("optimize_prompt_options", JSON.createObjectNode().put("mode", "fast"));
        body.putArray("tools").addObject().put("type", "web_search");
        HttpResponse<String> response = generate(emu, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.imageBytes(json(response).at("/data/0"))).startsWith(0x89, 'P', 'N', 'G');

        SseEvents sse = Http.stream(emu, GroupAndStreamTest.group("widest endpoint set", 2).put("model", UNMAPPED));
        assertThat(sse.names()).containsExactly(ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.PARTIAL_SUCCEEDED,
                ResponseBodies.COMPLETED, "[DONE]");
        assertThat(sse.events.get(0).json().get("model").asText()).isEqualTo(UNMAPPED);

        ValidationTest.assertError(generate(emu, body("too many").put("model", UNMAPPED).put("size", "4097x4096")),
                400, "InvalidParameter", "size");
        ValidationTest.assertError(generate(emu, Http.withReferences(body("too many").put("model", UNMAPPED), 15,
                HEIC)), 400, "InvalidParameter", "image");
    }

    @Test
    void mappedEndpointGetsItsModelsLimits() {
        ValidationTest.assertError(generate(emu, body("mapped 1K").put("model", MAPPED)), 400, "InvalidParameter",
                "size");
        ValidationTest.assertError(generate(emu, body("mapped small").put("model", MAPPED).put("size", "1280x720")),
                400, "InvalidParameter", "size");
        HttpResponse<String> ok = generate(emu, body("mapped 2K").put("model", MAPPED).put("size", "2K")
                .put("response_format", "url"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("model").asText()).isEqualTo(MAPPED);
    }

    @Test
    void mappingIsCheckedWhenConfigured() {
        assertThatThrownBy(() -> EmulatorConfig.builder().endpoint("seedream-x", MODEL_45))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ep-");
        assertThatThrownBy(() -> EmulatorConfig.builder().endpoint("ep-a", "seedream-9-9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known model");
        assertThatThrownBy(() -> EmulatorConfig.builder().endpoint("ep-a", "ep-b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EmulatorConfig.builder().endpoint("ep-a", MODEL_45).endpoints(Map.of("ep-b", "doubao-" + MODEL_45))
                .build().endpoints()).containsExactly(Map.entry("ep-b", "doubao-" + MODEL_45));
    }

    @Test
    void modelNotOpenIs404AndNothingIsGenerated() {
        emu.configure(c -> c.notOpenModels(MODEL_45, UNMAPPED));
        HttpResponse<String> response = generate(emu, body("not open").put("model", MODEL_45).put("size", "2K"));
        ValidationTest.assertError(response, 404, "ModelNotOpen", "");
        assertThat(json(response).at("/error/type").asText()).isEqualTo("NotFound");
        ValidationTest.assertError(generate(emu, body("not open").put("model", UNMAPPED)), 404, "ModelNotOpen", "");
        assertThat(generate(emu, body("still open").put("model", "doubao-" + MODEL_45).put("size", "2K")
                .put("response_format", "url")).statusCode()).as("matched as sent").isEqualTo(200);
        assertThat(emu.stats().requestsWithStatus(404)).isEqualTo(2);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(1);
    }

    @Test
    void endpointsAndNotOpenModelsChangeAtRunTime() {
        HttpResponse<String> set = admin(emu, "POST", "config", "{\"endpoint\":[\"ep-runtime=" + MODEL_45 + "\"],"
                + "\"notOpenModel\":[\"seedream-5-0-260128\"]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode view = json(set);
        assertThat(view.get("endpoint")).hasSize(1);
        assertThat(view.get("endpoint").get(0).asText()).isEqualTo("ep-runtime=" + MODEL_45);
        assertThat(view.get("notOpenModel").get(0).asText()).isEqualTo("seedream-5-0-260128");
        ValidationTest.assertError(generate(emu, body("runtime mapped").put("model", "ep-runtime")), 400,
                "InvalidParameter", "size");
        assertThat(generate(emu, body("no longer mapped").put("model", MAPPED).put("response_format", "url"))
                .statusCode()).as("the mapping was replaced: MAPPED now gets the widest limits").isEqualTo(200);
        ValidationTest.assertError(generate(emu, body("closed").put("model", "seedream-5-0-260128")
                .put("size", "2K")), 404, "ModelNotOpen", "");
        assertThat(admin(emu, "POST", "config", "{\"endpoint\":[\"ep-bad=nothing\"]}").statusCode()).isEqualTo(400);
        assertThat(emu.config().endpoints()).containsOnlyKeys("ep-runtime");
    }

    @Test
    void commandLineMapsEndpointsAndClosesModels() {
        EmulatorConfig config = CommandLine.parse("--endpoint", "ep-cli-a=" + MODEL_45, "--endpoint",
                "ep-cli-b=seedream-4-0-250828", "--not-open-model", "seedream-5-0-lite-260128").config();
        assertThat(config.endpoints()).containsExactly(Map.entry("ep-cli-a", MODEL_45),
                Map.entry("ep-cli-b", "seedream-4-0-250828"));
        try (SeedreamEmulator cli = SeedreamEmulator.start(config.toBuilder().port(0).build())) {
            ValidationTest.assertError(generate(cli, body("cli a").put("model", "ep-cli-a")), 400,
                    "InvalidParameter", "size");
            assertThat(generate(cli, body("cli b").put("model", "ep-cli-b")).statusCode()).isEqualTo(200);
            ValidationTest.assertError(generate(cli, body("cli closed").put("model", "seedream-5-0-lite-260128")
                    .put("size", "2K")), 404, "ModelNotOpen", "");
        }
        assertThatThrownBy(() -> CommandLine.parse("--endpoint", "ep-no-model"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--endpoint");
    }
}
