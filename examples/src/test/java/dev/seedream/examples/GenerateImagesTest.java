/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateImagesTest {

    /** The prompts file the README's command uses (tests run in the module folder). */
    private static final Path SHIPPED_PROMPTS = Path.of("prompts.txt");

    @Test
    void writesOneImagePerShippedPromptAndSendsTheRefusedOneToTheDeadLetterFolder(@TempDir Path output)
            throws Exception {
        List<String> prompts = Prompts.lines(Files.readString(SHIPPED_PROMPTS));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        Progress progress;
        try (Backend backend = Backend.embeddedEmulator()) {
            progress = GenerateImages.run(backend, SHIPPED_PROMPTS, output,
                    new PrintStream(console, true, StandardCharsets.UTF_8));
            assertThat(backend.emulator().stats().generationRequests()).isEqualTo(prompts.size());
        }

        List<Path> images = Awaits.filesIn(output, ".jpg");
        assertThat(images).hasSize(prompts.size() - 1);
        for (Path image : images) {
            assertThat(ImageIO.read(image.toFile()).getWidth()).isEqualTo(1024);
        }
        List<Path> rejected = Awaits.filesIn(output.resolve("rejected"), ".txt");
        assertThat(rejected).singleElement()
                .satisfies(file -> assertThat(Files.readString(file)).contains("forbidden"));
        assertThat(progress.written()).isEqualTo(prompts.size() - 1);
        assertThat(progress.failed()).isZero();
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("embedded emulator")
                .contains("[ 12/12]")
                .contains("images/s")
                .contains("Wrote 11 images to " + output.toAbsolutePath())
                .contains("1 prompt(s) refused by the content policy");
    }

    @Test
    void usesTheRealApiWhenAKeyIsInTheEnvironment() {
        Backend backend = Backend.fromEnvironment(Map.of("SEEDREAM_API_KEY", "sk-example"));

        assertThat(backend.emulator()).isNull();
        assertThat(backend.baseUrl()).isEqualTo("https://ark.ap-southeast.bytepluses.com/api/v3");
        assertThat(backend.describe()).doesNotContain("sk-example");
        assertThat(backend.toString()).doesNotContain("sk-example");
        assertThat(Backend.fromEnvironment(Map.of("ARK_API_KEY", "k", "SEEDREAM_BASE_URL",
                "https://ark.cn-beijing.volces.com/api/v3")).baseUrl()).contains("volces");
    }
}
