/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.JSON;
import static dev.seedream.emulator.Http.MODEL_50_PRO;
import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.decode;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.imageBytes;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Seedream 5.0 Pro: its own sizes and reference limits, PNG output, no streaming and no image sets. */
class Seedream50ProTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();
    private static final String TINY_PNG = Http.pngDataUri(32, 32, Color.RED);

    private static ObjectNode pro(String prompt) {
        return body(prompt).put("model", MODEL_50_PRO);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}x{3}")
    @CsvSource({
            "seedream-5-0-pro-260628, 1K, 1024, 1024",
            "seedream-5-0-pro-260628, 1.5K, 1536, 1536",
            "doubao-seedream-5-0-pro-260628, 2K, 2048, 2048",
            "seedream-5-0-pro-251231, 1.5k, 1536, 1536",
            "seedream-5-0-pro-260628, 1280x720, 1280, 720",
            "seedream-5-0-pro-260628, 2150x2150, 2150, 2150",
            "seedream-5-0-pro-260628, 3840x240, 3840, 240"})
    void proIdsAnswerWithTheirSizes(String model, String size, int width, int height) {
        HttpResponse<String> response = generate(emu, body("pro size " + size).put("model", model).put("size", size));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode root = json(response);
        assertThat(root.get("model").asText()).isEqualTo(model);
        assertThat(root.at("/data/0/size").asText()).isEqualTo(width + "x" + height);
        assertThat(root.at("/data/0/output_format").asText()).as("a 5.0 model reports its format").isEqualTo("jpeg");
        assertThat(decode(imageBytes(root.at("/data/0"))).getWidth()).isEqualTo(width);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                bad("3K is not a Pro label", b -> b.put("size", "3K"), "size"),
                bad("4K is not a Pro label", b -> b.put("size", "4K"), "size"),
                bad("area above 4,624,220", b -> b.put("size", "2151x2150"), "size"),
                bad("area below 921,600", b -> b.put("size", "1000x900"), "size"),
                bad("aspect above 16", b -> b.put("size", "4000x240"), "size"),
                bad("11 references", b -> Http.withReferences(b, 11, TINY_PNG), "image"),
                bad("reference over 30 MB", b -> b.put("image", Http.opaqueDataUri("heic", 31 << 20)), "image"),
                bad("reference over 36 MP", b -> b.put("image", Http.dataUri("png", TestImages.encode(
                        new BufferedImage(6001, 6000, BufferedImage.TYPE_BYTE_BINARY), "png"))), "image"),
                bad("stream", b -> b.put("stream", true), "stream"),
                bad("tools", b -> b.putArray("tools").addObject().put("type", "web_search"), "tools"),
                bad("fast mode", b -> b.set("optimize_prompt_options", JSON.createObjectNode().put("mode", "fast")),
                        "optimize_prompt_options.mode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void proRejectsWhatItDoesNotOffer(String name, ObjectNode body, String param) {
        HttpResponse<String> response = generate(emu, body);
        ValidationTest.assertError(response, 400, "InvalidParameter", param);
        assertThat(emu.stats().imagesRendered()).isZero();
    }

    @Test
    void pngOutputAndTenReferencesInEveryFormat() {
        ObjectNode body = pro("pro png").put("output_format", "png");
        body.putArray("image").add(TINY_PNG).add("data:image/heic;base64,aGVsbG8=")
                .add("data:image/heif;base64,aGVsbG8=").add("data:image/webp;base64,aGVsbG8=")
                .add(Http.dataUri("bmp", TestImages.encode("bmp", 40, 40)))
                .add(Http.dataUri("gif", TestImages.encode("gif", 40, 40)))
                .add(Http.dataUri("tiff", TestImages.encode("tiff", 40, 40)))
                .add(Http.dataUri("jpeg", TestImages.jpeg(40, 40)))
                .add(Http.opaqueDataUri("heic", 20 << 20)).add(TINY_PNG);
        HttpResponse<String> response = generate(emu, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode item = json(response).at("/data/0");
        assertThat(item.get("output_format").asText()).isEqualTo("png");
        assertThat(imageBytes(item)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(json(response).at("/usage/input_images").asInt()).isEqualTo(10);
    }

    @Test
    void autoStillMakesExactlyOneImage() {
        ObjectNode body = pro("pro set of four").put("sequential_image_generation", "auto");
        body.putObject("sequential_image_generation_options").put("max_images", 4);
        JsonNode root = json(generate(emu, body));
        assertThat(root.get("data")).hasSize(1);
        assertThat(root.at("/usage/generated_images").asInt()).isEqualTo(1);

        ObjectNode noMax = Http.withReferences(pro("pro auto without max"), 2, TINY_PNG)
                .put("sequential_image_generation", "auto");
        assertThat(json(generate(emu, noMax)).get("data")).hasSize(1);

        ObjectNode overBudget = Http.withReferences(pro("pro over the set budget"), 2, TINY_PNG)
                .put("sequential_image_generation", "auto");
        overBudget.putObject("sequential_image_generation_options").put("max_images", 15);
        HttpResponse<String> response = generate(emu, overBudget);
        assertThat(response.statusCode()).as("no set, so no set budget: " + response.body()).isEqualTo(200);
        assertThat(json(response).get("data")).hasSize(1);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(3);
    }

    @Test
    void streamRejectionIsPlainJsonAndNothingIsGenerated() {
        HttpResponse<String> response = generate(emu, pro("pro stream").put("stream", true));
        ValidationTest.assertError(response, 400, "InvalidParameter", "stream");
        assertThat(json(response).at("/error/type").asText()).isEqualTo("BadRequest");
        assertThat(emu.stats().imagesGenerated()).isZero();
        assertThat(generate(emu, pro("pro no stream").put("stream", false)).statusCode()).isEqualTo(200);
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String param) {
        ObjectNode body = pro("pro rejects " + name);
        change.accept(body);
        return Arguments.of(name, body, param);
    }
}
