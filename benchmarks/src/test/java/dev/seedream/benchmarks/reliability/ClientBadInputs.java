/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SequentialImageGeneration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Bad input at the client: builder settings and requests. */
final class ClientBadInputs {

    private static final String SURFACE = "client";

    private ClientBadInputs() {
    }

    static List<BadInput> cases(URI baseUri) {
        return List.of(
                BadInput.of(SURFACE, "blank base URL", () -> SeedreamClient.builder().baseUrl(" "),
                        "baseUrl", "must not be blank"),
                BadInput.of(SURFACE, "ftp base URL", () -> SeedreamClient.builder().baseUrl("ftp://example.com/api/v3")
                        .apiKey("k").build(), "baseUrl", "http(s)"),
                BadInput.of(SURFACE, "negative max concurrent requests",
                        () -> SeedreamClient.builder().maxConcurrentRequests(-1), "maxConcurrentRequests", ">= 0"),
                BadInput.of(SURFACE, "proxy port 0",
                        () -> SeedreamClient.builder().proxy("127.0.0.1", 0, null, null), "proxy port", "1-65535"),
                BadInput.of(SURFACE, "negative images per minute",
                        () -> SeedreamClient.builder().imagesPerMinute(-5), "imagesPerMinute", ">= 0"),
                BadInput.of(SURFACE, "zero connect timeout",
                        () -> SeedreamClient.builder().connectTimeout(Duration.ZERO), "connectTimeout", "positive"),
                BadInput.of(SURFACE, "negative request timeout",
                        () -> SeedreamClient.builder().requestTimeout(Duration.ofSeconds(-1)), "requestTimeout",
                        "positive"),
                BadInput.of(SURFACE, "negative retries", () -> SeedreamClient.builder().maxRetries(-1), "maxRetries",
                        ">= 0"),
                BadInput.of(SURFACE, "blank default model", () -> SeedreamClient.builder().defaultModel(" "),
                        "defaultModel", "must not be blank"),
                BadInput.of(SURFACE, "unknown response format", () -> ResponseFormat.fromApiValue("png64"),
                        "response_format", "'url' or 'b64_json'"),
                BadInput.of(SURFACE, "unsupported reference type", () -> ReferenceImage.from(42),
                        "java.lang.Integer"),
                request(baseUri, "empty prompt", () -> ImageRequest.builder().prompt(""), "prompt", "must not be blank"),
                request(baseUri, "blank prompt", () -> ImageRequest.builder().prompt("   "), "prompt", "must not be blank"),
                request(baseUri, "15 references", () -> ImageRequest.builder().prompt("p").images(urls(15)), "image",
                        "at most 14"),
                request(baseUri, "11 references on 5.0 Pro", () -> ImageRequest.builder().prompt("p")
                        .model("seedream-5-0-pro-260628").images(urls(11)), "image", "at most 10"),
                request(baseUri, "stream on 5.0 Pro", () -> ImageRequest.builder().prompt("p")
                        .model("seedream-5-0-pro-260628").stream(true), "stream", "not supported"),
                request(baseUri, "size 4K on 5.0 Pro", () -> ImageRequest.builder().prompt("p")
                        .model("seedream-5-0-pro-260628").size("4K"), "size", "1K, 1.5K, 2K"),
                request(baseUri, "size 1.55K", () -> ImageRequest.builder().prompt("p").size("1.55K"), "size",
                        "resolution label"),
                request(baseUri, "blank thinking", () -> ImageRequest.builder().prompt("p")
                        .optimizePromptThinking(" "), "optimize_prompt_options.thinking", "must not be blank"),
                request(baseUri, "size and max images both wrong", () -> ImageRequest.builder().prompt("p")
                        .size("100x100").maxImages(16), "size", "pixel area", "max_images", "between 1 and 15"),
                request(baseUri, "16 images", () -> ImageRequest.builder().prompt("p")
                                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(16),
                        "max_images", "between 1 and 15"),
                request(baseUri, "10 references + 6 images", () -> ImageRequest.builder().prompt("p").images(urls(10))
                                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(6),
                        "max_images", "15"),
                request(baseUri, "size 5000x100", () -> ImageRequest.builder().prompt("p").size("5000x100"), "size",
                        "aspect ratio"),
                request(baseUri, "size 8K", () -> ImageRequest.builder().prompt("p").size("8K"), "size", "label"),
                request(baseUri, "size garbage", () -> ImageRequest.builder().prompt("p").size("huge"), "size"),
                request(baseUri, "negative seed", () -> ImageRequest.builder().prompt("p").seed(-2L), "seed",
                        "between -1"),
                request(baseUri, "guidance scale 11", () -> ImageRequest.builder().prompt("p").guidanceScale(11.0),
                        "guidance_scale", "between 1 and 10"),
                request(baseUri, "unknown prompt mode", () -> ImageRequest.builder().prompt("p").optimizePromptMode("turbo"),
                        "optimize_prompt_options.mode", "'standard' or 'fast'"),
                request(baseUri, "unknown output format", () -> ImageRequest.builder().prompt("p").outputFormat("gif"),
                        "output_format", "'png' or 'jpeg'"),
                request(baseUri, "text file as reference", () -> ImageRequest.builder().prompt("p")
                        .image(ReferenceImage.bytes(BadImages.TEXT_FILE)), "image", "not an image"),
                request(baseUri, "50 MB reference", () -> ImageRequest.builder().prompt("p")
                        .image(ReferenceImage.bytes(BadImages.hugePng(BadImages.FIFTY_MB))), "image", "bytes"),
                request(baseUri, "10x10 px reference", () -> ImageRequest.builder().prompt("p")
                        .image(ReferenceImage.bytes(BadImages.png(10, 10))), "image", "each side"),
                request(baseUri, "1:17 reference", () -> ImageRequest.builder().prompt("p")
                        .image(ReferenceImage.bytes(BadImages.png(100, 1700))), "image", "aspect ratio"),
                request(baseUri, "ftp reference URL", () -> ImageRequest.builder().prompt("p")
                        .image(ReferenceImage.url("ftp://example.com/a.png")), "image", "http or https"),
                request(baseUri, "extra field shadowing prompt", () -> ImageRequest.builder().prompt("p")
                        .extraField("prompt", "other"), "prompt", "builder sets itself"));
    }

    private static List<ReferenceImage> urls(int count) {
        return IntStream.range(0, count).mapToObj(i -> ReferenceImage.url("https://example.com/" + i + ".png"))
                .toList();
    }

    /** A request sent through a real client: the future must fail with validation before any network call. */
    private static BadInput request(URI baseUri, String name, Supplier<ImageRequest.Builder> builder,
                                    String... expected) {
        return BadInput.of(SURFACE, name, () -> {
            try (SeedreamClient client = SeedreamClient.builder().baseUrl(baseUri.toString()).apiKey("test-key")
                    .build()) {
                return client.generateAsync(builder.get().build()).join();
            }
        }, expected);
    }
}
