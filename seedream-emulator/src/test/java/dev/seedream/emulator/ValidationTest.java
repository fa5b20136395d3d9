/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.JSON;
import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestImages;
import java.awt.Color;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented request error: status, code, param and the provider's error shape — and no image generated. */
class ValidationTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();
    private static final String TINY_PNG = Http.pngDataUri(32, 32, Color.RED);

    @Test
    void missingKeyIs401() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(Http.generations(emu))
                .POST(HttpRequest.BodyPublishers.ofString(body("a cat").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(response, 401, "AuthenticationError", "");
        assertThat(json(response).at("/error/type").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void wrongKeyIs401AndCountedButNotGenerated() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(Http.generations(emu))
                .header("Authorization", "Bearer wrong")
                .POST(HttpRequest.BodyPublishers.ofString(body("wrong key prompt").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(response, 401, "AuthenticationError", "");
        EmulatorStats stats = emu.stats();
        assertThat(stats.generationRequests()).isEqualTo(1);
        assertThat(stats.requestsForPrompt("wrong key prompt")).isEqualTo(1);
        assertThat(stats.requestsWithStatus(401)).isEqualTo(1);
        assertThat(stats.imagesGenerated()).isZero();
    }

    @Test
    void configuredKeysAreAccepted() {
        try (SeedreamEmulator other = SeedreamEmulator.start(EmulatorConfig.builder().apiKeys("k1", "k2").build())) {
            HttpResponse<String> ok = Http.send(HttpRequest.newBuilder(Http.generations(other))
                    .header("Authorization", "Bearer k2")
                    .POST(HttpRequest.BodyPublishers.ofString(body("keys").put("response_format", "url")
                            .toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(generate(other, body("keys")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void bodyThatIsNotJsonIs400() {
        assertError(generate(emu, "not json"), 400, "InvalidParameter", "");
    }

    @Test
    void unknownModelIs404() {
        assertError(generate(emu, body("x").put("model", "seedream-9-9")), 404, "InvalidEndpointOrModel.NotFound",
                "");
        assertThat(json(generate(emu, body("x").put("model", "seedream-9-9"))).at("/error/type").asText())
                .isEqualTo("NotFound");
    }

    @Test
    void volcenginePrefixedModelIsAccepted() {
        HttpResponse<String> response = generate(emu, body("prefixed").put("model", "doubao-seedream-4-0-250828")
                .put("response_format", "url"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("model").asText()).isEqualTo("doubao-seedream-4-0-250828");
    }

    @Test
    void unknownFieldsAreIgnored() {
        HttpResponse<String> response = generate(emu, body("extra").put("response_format", "url")
                .put("brand_new_field", 42).put("watermark", false).put("guidance_scale", 2.5).put("seed", 7));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                bad("model missing", b -> b.remove("model"), "MissingParameter", "model"),
                bad("model not a string", b -> b.put("model", 4), "InvalidParameter", "model"),
                bad("prompt missing", b -> b.remove("prompt"), "MissingParameter", "prompt"),
                bad("prompt blank", b -> b.put("prompt", "  "), "MissingParameter", "prompt"),
                bad("label not offered by 4.5", b -> b.put("model", "seedream-4-5-251128").put("size", "1K"),
                        "InvalidParameter", "size"),
                bad("3K not offered by 4.0", b -> b.put("size", "3K"), "InvalidParameter", "size"),
                bad("size garbage", b -> b.put("size", "huge"), "InvalidParameter", "size"),
                bad("area below 4.0 minimum", b -> b.put("size", "1000x900"), "InvalidParameter", "size"),
                bad("area below 4.5 minimum", b -> b.put("model", "seedream-4-5-251128").put("size", "1280x720"),
                        "InvalidParameter", "size"),
                bad("area above maximum", b -> b.put("size", "4097x4096"), "InvalidParameter", "size"),
                bad("aspect above 16", b -> b.put("size", "16000x900"), "InvalidParameter", "size"),
                bad("aspect below 1/16", b -> b.put("size", "240x4000"), "InvalidParameter", "size"),
                bad("response_format", b -> b.put("response_format", "jpeg"), "InvalidParameter",
                        "response_format"),
                bad("sequential mode", b -> b.put("sequential_image_generation", "always"), "InvalidParameter",
                        "sequential_image_generation"),
                bad("max_images 0", b -> auto(b, 0), "InvalidParameter",
                        "sequential_image_generation_options.max_images"),
                bad("max_images 16", b -> auto(b, 16), "InvalidParameter",
                        "sequential_image_generation_options.max_images"),
                bad("references + outputs > 15", b -> auto(references(b, 3), 13), "InvalidParameter",
                        "sequential_image_generation_options.max_images"),
                bad("15 references on 4.0", b -> references(b, 15), "InvalidParameter", "image"),
                bad("15 references on 4.5", b -> references(b.put("model", "seedream-4-5-251128")
                        .put("size", "2K"), 15), "InvalidParameter", "image"),
                bad("stream not boolean", b -> b.put("stream", "yes"), "InvalidParameter", "stream"),
                bad("watermark not boolean", b -> b.put("watermark", 1), "InvalidParameter", "watermark"),
                bad("seed not integer", b -> b.put("seed", 1.5), "InvalidParameter", "seed"),
                bad("guidance_scale not number", b -> b.put("guidance_scale", "high"), "InvalidParameter",
                        "guidance_scale"),
                bad("fast mode outside 4.0", b -> b.put("model", "seedream-4-5-251128").put("size", "2K")
                        .set("optimize_prompt_options", JSON.createObjectNode().put("mode", "fast")),
                        "InvalidParameter", "optimize_prompt_options.mode"),
                bad("thinking not a string", b -> b.set("optimize_prompt_options", JSON.createObjectNode()
                        .put("thinking", true)), "InvalidParameter", "optimize_prompt_options.thinking"),
                bad("output_format on 5.0", b -> b.put("model", "seedream-5-0-260128").put("size", "2K")
                        .put("output_format", "gif"), "InvalidParameter", "output_format"),
                bad("tools on 4.0", b -> b.set("tools", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("type", "web_search"))), "InvalidParameter", "tools"),
                bad("image not a string", b -> b.put("image", 5), "InvalidParameter", "image"),
                bad("image not a URL", b -> b.put("image", "ftp://host/x.png"), "InvalidImageURL", "image"),
                bad("data URI without base64 marker", b -> b.put("image", "data:image/png,abc"), "InvalidImageURL",
                        "image"),
                bad("data URI with broken base64", b -> b.put("image", "data:image/png;base64,@@@"),
                        "InvalidImageURL", "image"),
                bad("data URI that is not a PNG", b -> b.put("image", "data:image/png;base64,aGVsbG8="),
                        "InvalidImageURL", "image"),
                bad("upper-case format", b -> b.put("image", TINY_PNG.replace("image/png", "image/PNG")),
                        "InvalidParameter", "image"),
                bad("HEIC not accepted by 4.0", b -> b.put("image", "data:image/heic;base64,aGVsbG8="),
                        "InvalidParameter", "image"),
                bad("reference over 10 MB on 4.0", b -> b.put("image", Http.opaqueDataUri("webp", 11 << 20)),
                        "InvalidParameter", "image"),
                bad("reference aspect over 16", b -> b.put("image", Http.pngDataUri(340, 20, Color.BLUE)),
                        "InvalidParameter", "image"),
                bad("reference side not over 14 px", b -> b.put("image", Http.pngDataUri(14, 14, Color.BLUE)),
                        "InvalidParameter", "image"),
                bad("input content policy", b -> b.put("prompt", "something Forbidden here"),
                        "InputTextSensitiveContentDetected", "prompt"),
                bad("output policy on a single image", b -> b.put("prompt", "a blocked-image please"),
                        "OutputImageSensitiveContentDetected", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIs400WithProviderCode(String name, ObjectNode body, String code, String param) {
        HttpResponse<String> response = generate(emu, body);
        assertError(response, 400, code, param);
        assertThat(json(response).at("/error/type").asText()).isEqualTo("BadRequest");
        assertThat(emu.stats().imagesGenerated()).isZero();
        assertThat(emu.stats().imagesRendered()).isZero();
    }

    /** The widest current reading of the contract: requests the provider may accept pass. */
    static Stream<Arguments> widestReadingRequests() {
        return Stream.of(
                ok("WebP reference on 4.0", b -> b.put("image", "data:image/webp;base64,aGVsbG8=")),
                ok("BMP reference on 4.0", b -> b.put("image", Http.dataUri("bmp", TestImages.encode("bmp", 64, 48)))),
                ok("GIF reference on 4.0", b -> b.put("image", Http.dataUri("gif", TestImages.encode("gif", 64, 48)))),
                ok("TIFF reference on 4.0", b -> b.put("image",
                        Http.dataUri("tiff", TestImages.encode("tiff", 64, 48)))),
                ok("reference aspect 16 on 4.0", b -> b.put("image", Http.pngDataUri(320, 20, Color.BLUE))),
                ok("reference aspect 1/16 on 4.0", b -> b.put("image", Http.pngDataUri(20, 320, Color.BLUE))),
                ok("14 references on 4.0", b -> references(b, 14)),
                ok("14 HEIC references on 4.5", b -> Http.withReferences(b.put("model", Http.MODEL_45)
                        .put("size", "2K"), 14, "data:image/heic;base64,aGVsbG8=")),
                ok("HEIF reference over 10 MB on 4.5", b -> b.put("model", Http.MODEL_45).put("size", "2K")
                        .put("image", Http.opaqueDataUri("heif", 12 << 20))),
                ok("14 HEIF references on 5.0 Lite", b -> Http.withReferences(b.put("model",
                        "seedream-5-0-lite-260128").put("size", "2K"), 14, "data:image/heif;base64,aGVsbG8=")),
                ok("max_images with disabled, over the budget", b -> {
                    references(b, 3).put("sequential_image_generation", "disabled");
                    b.putObject("sequential_image_generation_options").put("max_images", 15);
                }),
                ok("max_images out of range with disabled (ignored)", b -> b.put("sequential_image_generation",
                        "disabled").putObject("sequential_image_generation_options").put("max_images", 40)),
                ok("optimize_prompt_options.thinking", b -> b.set("optimize_prompt_options",
                        JSON.createObjectNode().put("mode", "standard").put("thinking", "enabled"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widestReadingRequests")
    void widestReadingIsAcceptedAndMakesOneImage(String name, ObjectNode body) {
        HttpResponse<String> response = generate(emu, body.put("response_format", "url"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("data")).hasSize(1);
        assertThat(json(response).at("/data/0/url").asText()).startsWith("http://");
    }

    @Test
    void contentPolicyTriggerIsConfigurable() {
        emu.configure(c -> c.contentPolicyTrigger("pineapple"));
        assertError(generate(emu, body("pineapple pizza")), 400, "InputTextSensitiveContentDetected", "prompt");
        assertThat(generate(emu, body("forbidden fruit").put("response_format", "url")).statusCode())
                .isEqualTo(200);
    }

    private static Arguments ok(String name, Consumer<ObjectNode> change) {
        ObjectNode body = body("accepted " + name);
        change.accept(body);
        return Arguments.of(name, body);
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String code, String param) {
        ObjectNode body = body("validation " + name);
        change.accept(body);
        return Arguments.of(name, body, code, param);
    }

    private static ObjectNode auto(ObjectNode body, int maxImages) {
        body.put("sequential_image_generation", "auto");
        body.putObject("sequential_image_generation_options").put("max_images", maxImages);
        return body;
    }

    private static ObjectNode references(ObjectNode body, int count) {
        return Http.withReferences(body, count, TINY_PNG);
    }

    /** The provider's error shape, and the request ids of {@link #assertRequestIds}. */
    static void assertError(HttpResponse<String> response, int status, String code, String param) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("type").asText()).isNotBlank();
        assertRequestIds(response, error);
    }

    /**
     * A unique {@code X-Request-Id} that the error message ends with, and the client's {@code X-Client-Request-Id}
     * echoed exactly when it sent one.
     */
    static void assertRequestIds(HttpResponse<?> response, JsonNode error) {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(error.get("message").asText()).endsWith(" Request id: " + requestId);
        assertThat(response.headers().firstValue(Http.CLIENT_ID_HEADER))
                .isEqualTo(response.request().headers().firstValue(Http.CLIENT_ID_HEADER));
    }
}
