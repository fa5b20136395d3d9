/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.decode;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.imageBytes;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real images: exact sizes, JPEG/PNG, determinism, edits derived from the reference, usage. */
class ImageOutputTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @ParameterizedTest(name = "{0} {1} -> {2}x{3}")
    @CsvSource({
            "seedream-4-0-250828, 1K, 1024, 1024",
            "seedream-4-0-250828, 2K, 2048, 2048",
            "seedream-4-0-250828, 4K, 4096, 4096",
            "seedream-4-5-251128, 2K, 2048, 2048",
            "seedream-5-0-260128, 3K, 3072, 3072",
            "seedream-4-0-250828, 1280x720, 1280, 720",
            "seedream-4-5-251128, 2560x1440, 2560, 1440"})
    void sizeGivesExactPixels(String model, String size, int width, int height) {
        HttpResponse<String> response = generate(emu, body("size " + size).put("model", model).put("size", size));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode item = json(response).at("/data/0");
        assertThat(item.get("size").asText()).isEqualTo(width + "x" + height);
        byte[] bytes = imageBytes(item);
        assertThat(bytes).startsWith(0xFF, 0xD8, 0xFF);
        BufferedImage image = decode(bytes);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(json(response).at("/usage/output_tokens").asLong()).isEqualTo((long) width * height / 256);
    }

    @Test
    void defaultSizeIs2048Square() {
        ObjectNode body = body("default size");
        body.remove("size");
        assertThat(json(generate(emu, body)).at("/data/0/size").asText()).isEqualTo("2048x2048");
    }

    @Test
    void responseHasProviderShapeAndUsage() {
        HttpResponse<String> response = generate(emu, body("shape check"));
        JsonNode root = json(response);
        assertThat(root.get("model").asText()).isEqualTo(Http.MODEL_40);
        assertThat(root.get("created").asLong()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data
                .Offset.offset(60L));
        assertThat(root.get("data")).hasSize(1);
        assertThat(root.at("/usage/generated_images").asInt()).isEqualTo(1);
        assertThat(root.at("/usage/output_tokens").asLong()).isEqualTo(4096);
        assertThat(root.at("/usage/total_tokens").asLong()).isEqualTo(4096);
        assertThat(root.at("/usage/input_images").asInt()).as("no references").isZero();
        assertThat(root.at("/usage/input_images").isMissingNode()).isFalse();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String firstId = response.headers().firstValue("X-Request-Id").orElseThrow();
        String secondId = generate(emu, body("shape check")).headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(firstId).isNotEqualTo(secondId);
    }

    @Test
    void sameInputsGiveSameBytesAndRenderOnce() {
        byte[] first = imageBytes(json(generate(emu, body("determinism").put("seed", 5))).at("/data/0"));
        byte[] second = imageBytes(json(generate(emu, body("determinism").put("seed", 5))).at("/data/0"));
        assertThat(second).isEqualTo(first);
        assertThat(emu.stats().imagesRendered()).isEqualTo(1);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(2);
    }

    @Test
    void differentSeedPromptOrSizeGiveDifferentImages() {
        byte[] base = imageBytes(json(generate(emu, body("variation").put("seed", 1))).at("/data/0"));
        byte[] otherSeed = imageBytes(json(generate(emu, body("variation").put("seed", 2))).at("/data/0"));
        byte[] otherPrompt = imageBytes(json(generate(emu, body("variation!").put("seed", 1))).at("/data/0"));
        byte[] otherSize = imageBytes(json(generate(emu, body("variation").put("seed", 1).put("size", "1280x720")))
                .at("/data/0"));
        assertThat(otherSeed).isNotEqualTo(base);
        assertThat(otherPrompt).isNotEqualTo(base);
        assertThat(otherSize).isNotEqualTo(base);
    }

    @Test
    void version5HonoursPngAndReportsFormat() {
        HttpResponse<String> response = generate(emu, body("png please").put("model", "seedream-5-0-lite-260128")
                .put("size", "1920x1920").put("output_format", "png"));
        JsonNode item = json(response).at("/data/0");
        assertThat(item.get("output_format").asText()).isEqualTo("png");
        byte[] bytes = imageBytes(item);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decode(bytes).getWidth()).isEqualTo(1920);
    }

    @Test
    void version4IgnoresOutputFormatAndAnswersJpeg() {
        byte[] bytes = imageBytes(json(generate(emu, body("still jpeg").put("output_format", "png"))).at("/data/0"));
        assertThat(bytes).startsWith(0xFF, 0xD8, 0xFF);
    }

    @Test
    void webSearchToolIsReportedInUsage() {
        ObjectNode body = body("news today").put("model", "seedream-5-0-lite-260128").put("size", "1920x1920")
                .put("response_format", "url");
        body.putArray("tools").addObject().put("type", "web_search");
        assertThat(json(generate(emu, body)).at("/usage/tool_usage/web_search").asInt()).isEqualTo(1);
    }

    @Test
    void editIsVisiblyDerivedFromTheReference() {
        ObjectNode edit = body("make it pop").put("seed", 3).put("image", Http.pngDataUri(256, 256, Color.RED));
        BufferedImage fromRed = decode(imageBytes(json(generate(emu, edit)).at("/data/0")));
        ObjectNode blueEdit = body("make it pop").put("seed", 3).put("image", Http.pngDataUri(256, 256, Color.BLUE));
        BufferedImage fromBlue = decode(imageBytes(json(generate(emu, blueEdit)).at("/data/0")));
        int[] red = averageCorner(fromRed);
        int[] blue = averageCorner(fromBlue);
        assertThat(red[0]).isGreaterThan(red[2] + 60);
        assertThat(blue[2]).isGreaterThan(blue[0] + 60);
        assertThat(fromRed.getWidth()).isEqualTo(1024);
    }

    @Test
    void externalReferenceUrlBecomesADeterministicPlaceholder() {
        ObjectNode edit = body("from the web").put("image", "https://example.com/cat.png");
        byte[] first = imageBytes(json(generate(emu, edit)).at("/data/0"));
        byte[] again = imageBytes(json(generate(emu, edit)).at("/data/0"));
        byte[] other = imageBytes(json(generate(emu, edit.put("image", "https://example.com/dog.png"))).at("/data/0"));
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** Mean RGB of the top-left 64×64 pixels, away from the caption band. */
    private static int[] averageCorner(BufferedImage image) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int p = image.getRGB(x, y);
                r += (p >> 16) & 0xFF;
                g += (p >> 8) & 0xFF;
                b += p & 0xFF;
            }
        }
        return new int[] {(int) (r / 4096), (int) (g / 4096), (int) (b / 4096)};
    }
}
