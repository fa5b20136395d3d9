/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.seedream.emulator.RecordedRequest;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as shipped, started as its main class starts it: its application.properties and the shipped prompts
 * file, on the emulator. Every prompt but the refused one becomes a 2K image, the refused one is kept, and the job
 * ends with exit code 0 when the file is done.
 */
class PromptsToImagesApplicationTest {

    private static final Path SHIPPED_PROMPTS = Path.of("..", "prompts.txt");

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    @TempDir
    static Path output;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // the job waits for its route: a broken one must fail the build, not hang it
    void everyShippedPromptBecomesAnImageOrIsKeptAsRefusedThenTheJobEnds() throws Exception {
        List<String> prompts = Files.readAllLines(SHIPPED_PROMPTS).stream()
                .filter(line -> !line.isBlank() && !line.trim().startsWith("#")).toList();

        int exitCode = PromptsToImagesApplication.run("--SEEDREAM_BASE_URL=" + emulator.baseUri(),
                "--SEEDREAM_API_KEY=test-key", "--job.output=" + output);

        List<Path> images = list(output, ".jpg");
        List<Path> refused = list(output.resolve("rejected"), ".txt");

        assertThat(exitCode).isZero();
        assertThat(images).hasSize(prompts.size() - 1);
        for (Path image : images) {
            assertThat(ImageIO.read(image.toFile()).getWidth()).as(image.toString()).isEqualTo(2048);
        }
        assertThat(refused).singleElement().satisfies(file -> assertThat(Files.readString(file)).contains("forbidden"));
        assertThat(emulator.stats().generationRequests()).isEqualTo(prompts.size());
        RecordedRequest first = emulator.takeRequest();
        assertThat(first.header("Authorization")).isEqualTo("Bearer test-key");
        assertThat(first.json().path("model").asText()).isEqualTo("seedream-4-5-251128");
        assertThat(first.json().path("watermark").asBoolean(true)).isFalse();
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
