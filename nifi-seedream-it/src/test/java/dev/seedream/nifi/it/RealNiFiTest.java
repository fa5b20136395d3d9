/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Test classes that drive the one real NiFi of the run; each builds its own flow in its own row of the canvas. */
@ExtendWith(RealNiFiExtension.class)
abstract class RealNiFiTest {

    static final String API_KEY = "test-key";
    static final String SERVICE_TYPE = "dev.seedream.nifi.StandardSeedreamConnectionService";
    static final String GENERATE_TYPE = "dev.seedream.nifi.GenerateImageSeedream";
    static final String EDIT_TYPE = "dev.seedream.nifi.EditImageSeedream";
    static final String BATCH_TYPE = "dev.seedream.nifi.BatchGenerateImagesSeedream";
    /** The smallest size Seedream 4.0 accepts: keeps rendering cheap. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final String SIZE = WIDTH + "x" + HEIGHT;

    /** Set by {@link RealNiFiExtension} before each class's {@code @BeforeAll}. */
    static RealNiFi nifi;

    static SiteToSite siteToSite() {
        return new SiteToSite(nifi.uri());
    }

    /** The documented properties of the connection service, pointed at an emulator's base URL. */
    static Map<String, String> serviceProperties(URI apiBaseUrl, String apiKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("API Base URL", apiBaseUrl.toString());
        properties.put("API Key", apiKey);
        properties.put("Max Retries", "3");
        return properties;
    }

    /** An enabled connection service for {@code emulator}, named after the test class that uses it. */
    static String enabledService(Canvas canvas, Class<? extends RealNiFiTest> test, SeedreamEmulatorExtension emulator,
                                 Map<String, String> extra) {
        Map<String, String> properties = serviceProperties(emulator.baseUri(), API_KEY);
        properties.putAll(extra);
        String id = canvas.addService(SERVICE_TYPE, Canvas.seedreamBundle(), "Seedream " + test.getSimpleName(),
                properties);
        canvas.enableService(id);
        return id;
    }

    /** The components of {@link #promptFlow}: ports, processor and the three connections' ids. */
    record PromptFlow(String inPort, String generate, String outPort, String in, String retry, String out) {
    }

    /**
     * Input port → GenerateImageSeedream (the prompt is the FlowFile content, one FlowFile per run, retry looped back
     * as the docs advise) → output port. Port and processor run; the output port is left stopped, so images wait in
     * the {@code out} queue until the test starts it.
     */
    static PromptFlow promptFlow(Canvas canvas, String service, String name, long maxQueuedIn, long maxQueuedOut) {
        String inPort = canvas.addRemotePort("input-ports", "prompts: " + name);
        String generate = canvas.addProcessor(GENERATE_TYPE, Canvas.seedreamBundle(), "Generate " + name,
                Map.of("Seedream Connection Service", service, "Prompt Source", "content", "Size", SIZE,
                        "Max FlowFiles Per Run", "1"),
                "0 sec", List.of("failure", "original"));
        String outPort = canvas.addRemotePort("output-ports", "images: " + name);
        String in = canvas.connect(inPort, "INPUT_PORT", generate, "PROCESSOR", List.of(), maxQueuedIn);
        String retry = canvas.connect(generate, "PROCESSOR", generate, "PROCESSOR", List.of("retry"), 100);
        String out = canvas.connect(generate, "PROCESSOR", outPort, "OUTPUT_PORT", List.of("success"), maxQueuedOut);
        canvas.start("input-ports", inPort);
        canvas.start("processors", generate);
        return new PromptFlow(inPort, generate, outPort, in, retry, out);
    }

    /** Sends {@code count} prompts "{@code prefix} i", each with attribute {@code item} = i, in one transaction. */
    static void sendNumberedPrompts(String port, String prefix, int count) {
        siteToSite().send(port, IntStream.range(0, count).mapToObj(i -> Map.entry(
                (prefix + " " + i).getBytes(StandardCharsets.UTF_8), Map.of("item", Integer.toString(i)))).toList());
    }

    /** "0", "1", … "count - 1": the {@code item} attributes {@link #sendNumberedPrompts} gave. */
    static List<String> items(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }

    /** A JPEG (by its bytes, not its name) of exactly {@link #WIDTH} x {@link #HEIGHT} pixels. */
    static void assertJpegOfTheAskedSize(byte[] content) {
        assertThat(content).startsWith(0xFF, 0xD8, 0xFF);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(image.getHeight()).isEqualTo(HEIGHT);
        } catch (IOException e) {
            throw new AssertionError("not a readable image", e);
        }
    }

    /** The API key must not leave the service: no attribute of any FlowFile that came out carries it. */
    static void assertNoApiKeyIn(List<SiteToSite.Received> flowFiles) {
        assertThat(flowFiles).allSatisfy(f -> assertThat(f.attributes().toString()).doesNotContain(API_KEY));
    }
}
