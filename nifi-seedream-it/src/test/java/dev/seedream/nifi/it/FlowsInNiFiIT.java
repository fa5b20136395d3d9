/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three processors in flows a user would build: fed and drained by site-to-site through root ports, with NiFi's
 * real JSON record reader and writer for the batch processor, and provenance read through NiFi's provenance query.
 */
@Order(2)
class FlowsInNiFiIT extends RealNiFiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    private static Canvas canvas;
    private static String serviceId;

    @BeforeAll
    static void service() {
        canvas = new Canvas(nifi.api(), 300);
        serviceId = enabledService(canvas, FlowsInNiFiIT.class, emulator, Map.of());
    }

    @AfterAll
    static void stop() {
        canvas.stopAll();
    }

    @Test
    void generateOnATimerDeliversJpegsWithTheDocumentedAttributesAndProvenance() {
        String generate = canvas.addProcessor(GENERATE_TYPE, Canvas.seedreamBundle(), "Generate lighthouses",
                Map.of("Seedream Connection Service", serviceId,
                        "Prompt", "A lighthouse on a cliff, ${literal('in fog')}",
                        "Size", SIZE, "Seed", "42", "Max Images", "2"),
                "10 min", List.of("failure", "retry", "original"));
        String port = canvas.addRemotePort("output-ports", "generated images");
        canvas.connect(generate, "PROCESSOR", port, "OUTPUT_PORT", List.of("success"), 100);
        canvas.start("output-ports", port);
        canvas.start("processors", generate); // runs at once, then not again for ten minutes

        List<SiteToSite.Received> images = siteToSite().receive(port, 2, WAIT);
        canvas.stop("processors", generate);

        assertThat(images).hasSize(2);
        assertThat(emulator.stats().requestsForPrompt("A lighthouse on a cliff, in fog"))
                .as("one group request, the prompt's Expression Language evaluated").isEqualTo(1);
        images.forEach(image -> assertJpegOfTheAskedSize(image.content()));
        assertThat(images).allSatisfy(image -> {
            assertThat(image.attribute("mime.type")).isEqualTo("image/jpeg");
            assertThat(image.attribute("filename")).endsWith(".jpg");
            assertThat(image.attribute("seedream.size")).isEqualTo(SIZE);
            assertThat(image.attribute("seedream.seed")).isEqualTo("42");
            assertThat(image.attribute("seedream.model")).startsWith("seedream-");
            assertThat(image.attribute("seedream.request.id")).isNotBlank();
            assertThat(image.attribute("seedream.image.count")).isEqualTo("2");
            assertThat(image.attribute("fragment.count")).isEqualTo("2");
        });
        assertThat(images).extracting(i -> i.attribute("fragment.index")).containsExactlyInAnyOrder("0", "1");
        assertThat(images).extracting(i -> i.attribute("fragment.identifier")).containsOnly(
                images.get(0).attribute("fragment.identifier"));
        assertNoApiKeyIn(images);

        Set<String> uuids = images.stream().map(i -> i.attribute("uuid")).collect(Collectors.toSet());
        List<JsonNode> receives = awaitProvenance(generate, "RECEIVE", 2);
        assertThat(receives).extracting(e -> e.get("flowFileUuid").asText()).containsExactlyInAnyOrderElementsOf(uuids);
        assertThat(receives).allSatisfy(e -> {
            assertThat(e.get("transitUri").asText()).startsWith(emulator.baseUri().toString())
                    .doesNotContain(API_KEY);
            assertThat(e.get("componentName").asText()).isEqualTo("Generate lighthouses");
        });
    }

    @Test
    void editTakesAPngBySiteToSiteAndReturnsTheEditedImageAsAChildOfIt() {
        String inPort = canvas.addRemotePort("input-ports", "photos to edit");
        String edit = canvas.addProcessor(EDIT_TYPE, Canvas.seedreamBundle(), "Edit product photos",
                Map.of("Seedream Connection Service", serviceId, "Prompt", "Put ${product.name} on a beach",
                        "Size", SIZE),
                "0 sec", List.of("failure", "retry", "original"));
        String outPort = canvas.addRemotePort("output-ports", "edited photos");
        canvas.connect(inPort, "INPUT_PORT", edit, "PROCESSOR", List.of(), 100);
        canvas.connect(edit, "PROCESSOR", outPort, "OUTPUT_PORT", List.of("success"), 100);
        canvas.start("input-ports", inPort);
        canvas.start("output-ports", outPort);
        canvas.start("processors", edit);

        siteToSite().send(inPort, TestImages.png(640, 480), Map.of("product.name", "a teapot", "product.id", "p-17"));
        List<SiteToSite.Received> edited = siteToSite().receive(outPort, 1, WAIT);

        assertThat(edited).hasSize(1);
        assertJpegOfTheAskedSize(edited.get(0).content());
        assertThat(edited.get(0).attribute("product.id")).as("inherited from the input").isEqualTo("p-17");
        assertThat(emulator.stats().requestsForPrompt("Put a teapot on a beach")).isEqualTo(1);
        assertThat(emulator.stats().requestsWithStatus(200)).isEqualTo(1);
        assertNoApiKeyIn(edited);
    }

    @Test
    void batchWithNiFisJsonReaderAndWriterMakesImagesPerRecordAndWritesFailedRecordsBack() {
        String reader = canvas.addService("org.apache.nifi.json.JsonTreeReader",
                Canvas.nifiBundle(Canvas.RECORD_NAR), "JSON reader", Map.of());
        String writer = canvas.addService("org.apache.nifi.json.JsonRecordSetWriter",
                Canvas.nifiBundle(Canvas.RECORD_NAR), "JSON writer", Map.of());
        canvas.enableService(reader);
        canvas.enableService(writer);
        String inPort = canvas.addRemotePort("input-ports", "prompt records");
        String batch = canvas.addProcessor(BATCH_TYPE, Canvas.seedreamBundle(), "Batch of prompts",
                Map.of("Seedream Connection Service", serviceId, "Record Reader", reader, "Record Writer", writer),
                "0 sec", List.of("retry", "original"));
        String imagesPort = canvas.addRemotePort("output-ports", "batch images");
        String failedPort = canvas.addRemotePort("output-ports", "failed records");
        canvas.connect(inPort, "INPUT_PORT", batch, "PROCESSOR", List.of(), 100);
        canvas.connect(batch, "PROCESSOR", imagesPort, "OUTPUT_PORT", List.of("success"), 100);
        canvas.connect(batch, "PROCESSOR", failedPort, "OUTPUT_PORT", List.of("failure"), 100);
        canvas.start("input-ports", inPort);
        canvas.start("output-ports", imagesPort);
        canvas.start("output-ports", failedPort);
        canvas.start("processors", batch);

        String records = """
                [{"prompt": "a red fox in snow", "size": "%1$s", "seed": 1},
                 {"prompt": "a forbidden dragon", "size": "%1$s"},
                 {"prompt": "a blue whale", "size": "%1$s", "seed": 3},
                 {"prompt": "a tiny stamp", "size": "100x100"}]""".formatted(SIZE);
        siteToSite().send(inPort, records.getBytes(StandardCharsets.UTF_8), Map.of("batch.name", "animals"));

        List<SiteToSite.Received> generated = siteToSite().receive(imagesPort, 2, WAIT);
        List<SiteToSite.Received> failures = siteToSite().receive(failedPort, 1, WAIT);

        assertThat(generated).hasSize(2);
        generated.forEach(image -> assertJpegOfTheAskedSize(image.content()));
        assertThat(generated).extracting(i -> i.attribute("seedream.record.index"))
                .containsExactlyInAnyOrder("0", "2");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).attribute("record.count")).isEqualTo("2");
        assertThat(failures.get(0).attribute("mime.type")).isEqualTo("application/json");
        JsonNode failedRecords = readJson(failures.get(0).content());
        List<String> prompts = new ArrayList<>();
        failedRecords.forEach(r -> prompts.add(r.get("prompt").asText()));
        assertThat(prompts).containsExactlyInAnyOrder("a forbidden dragon", "a tiny stamp");
        failedRecords.forEach(r -> assertThat(r.get("seedream_error_code").asText()).isNotBlank());
        assertThat(emulator.stats().requestsForPrompt("a tiny stamp")).as("refused before any call").isZero();
        assertThat(emulator.stats().requestsForPrompt("a forbidden dragon")).isEqualTo(1);
        assertNoApiKeyIn(generated);
        assertNoApiKeyIn(failures);
    }

    private static List<JsonNode> awaitProvenance(String componentId, String eventType, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> matching = List.of();
        while (System.nanoTime() < deadline) {
            matching = canvas.provenanceOf(componentId).stream()
                    .filter(e -> e.get("eventType").asText().equals(eventType)).toList();
            if (matching.size() >= count) {
                return matching;
            }
            RealNiFi.sleep(500);
        }
        throw new AssertionError("expected " + count + " " + eventType + " events of " + componentId + ", found "
                + matching);
    }

    private static JsonNode readJson(byte[] content) {
        try {
            return NiFiApi.JSON.readTree(content);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
