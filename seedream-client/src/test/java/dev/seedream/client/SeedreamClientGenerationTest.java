/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedreamClientGenerationTest extends SharedClientTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).outputPolicyTrigger("blocked-image").build());

    @Override
    SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    @Test
    void generatesOneImageWithItsMetadata() throws IOException {
        GenerationResult<byte[]> result = client.generate(b64("a red fox in the snow").build());

        GeneratedImage<byte[]> image = result.firstImage();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.content()));
        assertThat(decoded.getWidth()).isEqualTo(1024);
        assertThat(decoded.getHeight()).isEqualTo(1024);
        assertThat(image.mimeType()).isEqualTo("image/jpeg");
        assertThat(image.size()).isEqualTo("1024x1024");
        assertThat(image.byteCount()).isEqualTo(image.content().length);
        assertThat(result.model()).isEqualTo(SeedreamClient.DEFAULT_MODEL);
        assertThat(result.usage()).contains(new Usage(1, 1024 * 1024 / 256, 1024 * 1024 / 256));
        assertThat(result.requestId()).isNotBlank();
        assertThat(result.created()).isNotNull();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void deliversAGroupOfFifteenInIndexOrder() {
        GenerationResult<byte[]> result = client.generate(b64("fifteen frames of a comic")
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(15).build());

        assertThat(result.images()).extracting(GeneratedImage::index)
                .containsExactlyElementsOf(IntStream.range(0, 15).boxed().toList());
        assertThat(result.images()).allSatisfy(image -> assertThat(image.content()).isNotEmpty());
        assertThat(result.usage()).map(Usage::generatedImages).contains(15);
    }

    @Test
    void keepsItemFailuresBesideTheImagesThatSucceeded() {
        GenerationResult<byte[]> result = client.generate(b64("three panels, blocked-image in one")
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(3).build());

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.index()).isEqualTo(1);
            assertThat(failure.code()).isEqualTo("OutputImageSensitiveContentDetected");
        });
        assertThat(result.images()).extracting(GeneratedImage::index).containsExactly(0, 2);
    }

    @Test
    void downloadsUrlResultsIntoTheSink() {
        GenerationResult<byte[]> result = client.generate(ImageRequest.builder().prompt("a lighthouse")
                .size("1K").responseFormat(ResponseFormat.URL).build());

        GeneratedImage<byte[]> image = result.firstImage();
        assertThat(image.url()).startsWith("http://127.0.0.1:");
        assertThat(image.content()).isNotEmpty();
        assertThat(image.mimeType()).isEqualTo("image/jpeg");
    }

    @Test
    void reportsUrlsWithoutDownloadingWhenTheSinkKeepsUrls() {
        GenerationResult<byte[]> result = client.generate(ImageRequest.builder().prompt("a lighthouse at dusk")
                .size("1K").responseFormat(ResponseFormat.URL).build(), ImageSinks.keepingUrls(ImageSinks.memory()));

        assertThat(result.firstImage().url()).isNotBlank();
        assertThat(result.firstImage().content()).isNull();
        assertThat(result.firstImage().byteCount()).isZero();
    }

    @Test
    void refusesPlainHttpDownloadsUnlessAllowed() {
        try (SeedreamClient strict = EmulatorClients.builder(emulator).allowHttpDownloads(false).build()) {
            GenerationResult<byte[]> result = strict.generate(ImageRequest.builder().prompt("a harbour")
                    .size("1K").responseFormat(ResponseFormat.URL).build());

            assertThat(result.images()).isEmpty();
            assertThat(result.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.code()).isEqualTo("ImageDownloadFailed");
                assertThat(failure.message()).contains("only https");
            });
        }
    }

    @Test
    void capsTheSizeOfDownloadedImages() {
        try (SeedreamClient capped = EmulatorClients.builder(emulator).maxImageBytes(1000).build()) {
            GenerationResult<byte[]> result = capped.generate(ImageRequest.builder().prompt("a big harbour")
                    .size("1K").responseFormat(ResponseFormat.URL).build());

            assertThat(result.failures()).singleElement()
                    .satisfies(failure -> assertThat(failure.message())
                            .contains("largest image size of 1000 bytes (maxImageBytes)"));
        }
    }

    @Test
    void capsTheSizeOfInlineImagesWithTheSameSetting() {
        try (SeedreamClient capped = EmulatorClients.builder(emulator).maxImageBytes(1000).maxRetries(0).build()) {
            assertThatThrownBy(() -> capped.generate(b64("a big inline harbour").build()))
                    .isInstanceOf(SeedreamMalformedResponseException.class)
                    .hasMessageContaining("largest image size of 1000 bytes (maxImageBytes)");
        }
    }

    @Test
    void writesImagesToFilesNamedByDetectedFormat(@TempDir Path directory) throws IOException {
        GenerationResult<Path> result = client.generate(b64("two views of a bridge")
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(2).build(),
                ImageSinks.directory(directory, "bridge-"));

        assertThat(result.images()).hasSize(2).allSatisfy(image -> {
            assertThat(image.content()).hasParent(directory);
            assertThat(image.content().getFileName().toString()).startsWith("bridge-").endsWith(".jpg");
            assertThat(Files.size(image.content())).isEqualTo(image.byteCount());
        });
        try (var files = Files.list(directory)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void failsACallOnAClosedClientAtOnce() {
        SeedreamClient closed = EmulatorClients.builder(emulator).build();
        closed.close();

        assertThatThrownBy(() -> closed.generate(b64("too late").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(emulator.stats().requestsForPrompt("too late")).isZero();
    }

    @Test
    void readsTheApiKeyFromTheEnvironmentWhenNoneIsGiven() {
        try (SeedreamClient fromEnv = SeedreamClient.builder().baseUrl(emulator.baseUri().toString())
                .environment(name -> name.equals("ARK_API_KEY") ? EmulatorClients.KEY : null).build()) {
            assertThat(fromEnv.generate(b64("a key from the environment").build()).images()).hasSize(1);
        }
    }
}
