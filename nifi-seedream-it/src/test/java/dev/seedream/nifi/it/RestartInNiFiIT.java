/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NiFi stopped (SIGTERM) and started again in the middle of a flow: every input comes out once, none twice. */
@Order(6)
class RestartInNiFiIT extends RealNiFiTest {

    private static final int INPUTS = 10;

    /** Slow enough that the restart lands while requests are in flight and inputs are still queued. */
    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.fixed(Duration.ofMillis(700))).build());

    private static Canvas canvas;

    @BeforeAll
    static void canvas() {
        canvas = new Canvas(nifi.api(), 900);
    }

    @AfterAll
    static void stop() {
        canvas.stopAll();
    }

    @Test
    void nothingIsLostOrDuplicatedAcrossARestart() {
        String service = enabledService(canvas, RestartInNiFiIT.class, emulator, Map.of());
        PromptFlow flow = promptFlow(canvas, service, "across a restart", 100, 100);
        sendNumberedPrompts(flow.inPort(), "restart item", INPUTS);

        canvas.awaitQueued(flow.out(), 2);
        int doneBefore = canvas.queued(flow.out());
        int waitingBefore = canvas.queued(flow.in());
        nifi.restart();
        System.out.printf("NiFi restarted in %d ms with %d images queued and %d inputs waiting%n",
                nifi.lastStartTime().toMillis(), doneBefore, waitingBefore);
        assertThat(waitingBefore).as("the restart came in the middle of the flow").isPositive();

        // autoResumeState: the processor runs again by itself; the output port was never started.
        canvas.start("output-ports", flow.outPort());
        List<SiteToSite.Received> images = new ArrayList<>(siteToSite().receive(flow.outPort(), INPUTS,
                Duration.ofSeconds(90)));
        images.addAll(siteToSite().receive(flow.outPort(), 1, Duration.ofSeconds(3))); // a duplicate would come now

        assertThat(images).extracting(i -> i.attribute("item")).as("every input exactly once")
                .containsExactlyInAnyOrderElementsOf(items(INPUTS));
        images.forEach(image -> assertJpegOfTheAskedSize(image.content()));
        // A request in flight when NiFi stopped is sent again after the restart (its session was rolled back):
        // billed twice at worst, delivered once.
        assertThat(emulator.stats().imagesGenerated()).isBetween((long) INPUTS, INPUTS + 1L);
    }
}
