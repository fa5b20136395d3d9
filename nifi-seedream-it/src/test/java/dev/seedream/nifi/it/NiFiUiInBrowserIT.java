/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NiFi's real UI in headless Debian Chromium, driven by Playwright ({@code src/test/browser/nifi-ui.mjs}): our
 * processors are drawn on the canvas by name, a double-click opens the configuration with our properties, and
 * NiFi's documentation page shows ours. Screenshots land in {@code target/screenshots/}.
 *
 * <p>In CI (environment {@code CI=true}) a missing Chromium, Node.js or npm package fails the test; on a developer
 * machine it is skipped with the command that enables it.
 */
@Order(5)
class NiFiUiInBrowserIT extends RealNiFiTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    private static Canvas canvas;

    @BeforeAll
    static void canvas() {
        canvas = new Canvas(nifi.api(), 1800);
    }

    @AfterAll
    static void stop() {
        canvas.stopAll();
    }

    @Test
    void ourProcessorsAreDrawnConfiguredAndDocumentedInNiFisUi() throws Exception {
        Path browserDir = preparePlaywright();
        String service = enabledService(canvas, NiFiUiInBrowserIT.class, emulator, Map.of());
        String generate = canvas.addProcessor(GENERATE_TYPE, Canvas.seedreamBundle(), "Browser: generate posters",
                Map.of("Seedream Connection Service", service, "Prompt", "A poster of a lighthouse", "Size", SIZE),
                "1 min", List.of("failure", "retry", "original", "success"));
        canvas.addProcessor(EDIT_TYPE, Canvas.seedreamBundle(), "Browser: edit photos",
                Map.of("Seedream Connection Service", service, "Prompt", "Make it blue"),
                "0 sec", List.of("failure", "retry", "original", "success"));
        canvas.addProcessor(BATCH_TYPE, Canvas.seedreamBundle(), "Browser: batch of prompts", Map.of(),
                "0 sec", List.of());
        Path screenshots = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(screenshots);

        String arguments = NiFiApi.object().put("nifiUrl", nifi.uri().toString()).put("rootGroupId", canvas.rootId())
                .put("processorId", generate).put("processorType", GENERATE_TYPE)
                .put("bundleVersion", System.getProperty("seedream.version"))
                .put("screenshots", screenshots.toString()).toString();
        JsonNode seen = runNode(browserDir, arguments);

        assertThat(seen.get("canvasProcessorNames")).extracting(JsonNode::asText).contains(
                "Browser: generate posters", "Browser: edit photos", "Browser: batch of prompts");
        assertThat(seen.get("canvasProcessorBundles")).extracting(JsonNode::asText)
                .contains("dev.seedream - nifi-seedream-nar");
        assertThat(seen.get("configurationDialog").asText()).contains("Edit Processor",
                "GenerateImageSeedream " + System.getProperty("seedream.version"), "Seedream Connection Service",
                "Prompt Source", "A poster of a lighthouse", "Run Timeout", "Seedream NiFiUiInBrowserIT");
        assertThat(seen.get("documentation").asText()).contains("GenerateImageSeedream",
                "Generates images from a text prompt with ByteDance Seedream", "Use Cases", "Run Timeout");
        assertThat(seen.get("additionalDetails").asText()).contains("Prompt Source = Property");
        for (String name : List.of("1-canvas", "2-configuration", "3-documentation", "4-additional-details")) {
            Path png = screenshots.resolve(name + ".png");
            assertThat(png).exists();
            assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(20_000);
        }
        System.out.println("Screenshots of NiFi's UI: " + screenshots);
    }

    /** Copies the Playwright script and its lock file to target/ and installs playwright-core there (once). */
    private static Path preparePlaywright() throws IOException, InterruptedException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String howTo = "install Debian's Chromium and Node.js (apt-get install chromium nodejs npm) to run it";
        if (!Files.isExecutable(CHROMIUM) || !onPath("node") || !onPath("npm")) {
            String missing = "the browser test needs " + CHROMIUM + ", node and npm";
            if (ci) {
                throw new AssertionError(missing + " (CI must provide them: .ci/run installs them)");
            }
            Assumptions.abort(missing + ": " + howTo);
        }
        Path source = Path.of(System.getProperty("browser.dir"));
        Path target = Path.of(System.getProperty("nifi.home")).getParent().resolve("browser");
        Files.createDirectories(target);
        for (String file : List.of("package.json", "package-lock.json", "nifi-ui.mjs")) {
            Files.copy(source.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(target.resolve("node_modules/playwright-core"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(target.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new AssertionError("npm ci of playwright-core failed:\n" + output);
            }
        }
        return target;
    }

    private static JsonNode runNode(Path dir, String arguments) throws IOException, InterruptedException {
        Path errors = dir.resolve("node-stderr.log");
        Process node = new ProcessBuilder("node", "nifi-ui.mjs", arguments).directory(dir.toFile())
                .redirectError(errors.toFile()).start();
        try {
            byte[] out = node.getInputStream().readAllBytes();
            if (!node.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("the browser run did not end within 3 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            assertThat(node.exitValue()).as("node nifi-ui.mjs failed:\n" + Files.readString(errors)).isZero();
            return NiFiApi.JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
        } finally {
            node.destroyForcibly();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
