/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import dev.seedream.emulator.Fault;
import dev.seedream.emulator.SeedreamEmulator;
import dev.seedream.emulator.junit.TestImages;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped YAML routes, loaded by camel-main with the shipped application.properties, against the emulator. */
class YamlRoutesTest {

    @Test
    void theYamlGenerateRouteWritesAnImagePerPromptAndRejectsTheForbiddenOne(@TempDir Path work) throws Exception {
        Path prompts = work.resolve("prompts.txt");
        Files.writeString(prompts, "# a comment\na harbour at night\n\na forbidden harbour\na harbour at noon\n");
        Path output = work.resolve("out");

        try (SeedreamEmulator emulator = SeedreamEmulator.start()) {
            Main main = camelMain("generate-images.yaml", emulator);
            main.addOverrideProperty("prompts.dir", work.toString());
            main.addOverrideProperty("prompts.file", "prompts.txt");
            main.addOverrideProperty("output.dir", output.toString());
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> runQuietly(main));
            try {
                List<Path> images = Awaits.files(output, ".jpg", 2, Duration.ofSeconds(20));
                List<Path> rejected = Awaits.files(output.resolve("rejected"), ".txt", 1, Duration.ofSeconds(5));

                assertThat(images).hasSize(2);
                assertThat(rejected).singleElement()
                        .satisfies(file -> assertThat(Files.readString(file)).isEqualTo("a forbidden harbour"));
                assertThat(emulator.stats().generationRequests()).isEqualTo(3);
            } finally {
                main.completed();
                running.get();
            }
        }
    }

    @Test
    void theYamlGenerateRouteRedeliversAPromptTheProviderRateLimited(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("prompts.txt"), "a harbour in the rain\n");
        Path output = work.resolve("out");

        try (SeedreamEmulator emulator = SeedreamEmulator.start()) {
            emulator.faults().schedule(Fault.HTTP_429);
            Main main = camelMain("generate-images.yaml", emulator);
            // No client retries, so the 429 reaches the route and its redelivery policy (2 s) takes over.
            main.addOverrideProperty("camel.component.seedream.max-retries", "0");
            main.addOverrideProperty("prompts.dir", work.toString());
            main.addOverrideProperty("prompts.file", "prompts.txt");
            main.addOverrideProperty("output.dir", output.toString());
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> runQuietly(main));
            try {
                assertThat(Awaits.files(output, ".jpg", 1, Duration.ofSeconds(20))).hasSize(1);
                assertThat(emulator.stats().requestsWithStatus(429)).isEqualTo(1);
                assertThat(emulator.stats().requestsForPrompt("a harbour in the rain")).isEqualTo(2);
                assertThat(output.resolve("failed")).doesNotExist();
            } finally {
                main.completed();
                running.get();
            }
        }
    }

    @Test
    void theYamlEditRouteWritesTwoVariantsPerPhoto(@TempDir Path work) throws Exception {
        Path photos = Files.createDirectory(work.resolve("photos"));
        Path output = work.resolve("variants");

        try (SeedreamEmulator emulator = SeedreamEmulator.start()) {
            Main main = camelMain("edit-product-photos.yaml", emulator);
            main.addOverrideProperty("photos.dir", photos.toString());
            main.addOverrideProperty("output.dir", output.toString());
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> runQuietly(main));
            try {
                Files.write(photos.resolve("lamp.png"), TestImages.png(640, 480));

                assertThat(Awaits.files(output, ".jpg", 2, Duration.ofSeconds(20)))
                        .extracting(path -> path.getFileName().toString())
                        .containsExactly("lamp-variant-0.jpg", "lamp-variant-1.jpg");
            } finally {
                main.completed();
                running.get();
            }
        }
    }

    /** camel-main as a user runs it: the YAML file from the classpath, application.properties, and overrides. */
    static Main camelMain(String routes, SeedreamEmulator emulator) {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/" + routes);
        main.addOverrideProperty("camel.component.seedream.base-url", emulator.baseUri().toString());
        return main;
    }

    static void runQuietly(Main main) {
        try {
            main.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
