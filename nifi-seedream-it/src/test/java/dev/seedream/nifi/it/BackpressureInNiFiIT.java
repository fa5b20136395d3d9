/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real queues under a provider that rate-limits: the emulator admits 4 images per 3-second window (the window is
 * shortened so the test lives through several), a full success queue stops the processor, and every input still
 * ends exactly once.
 */
@Order(3)
class BackpressureInNiFiIT extends RealNiFiTest {

    private static final int INPUTS = 12;
    private static final int OUT_THRESHOLD = 3;

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .imagesPerMinute(4).rateWindow(Duration.ofSeconds(3)).retryAfterOn429(true).build());

    private static Canvas canvas;

    @BeforeAll
    static void canvas() {
        canvas = new Canvas(nifi.api(), 600);
    }

    @AfterAll
    static void stop() {
        canvas.stopAll();
    }

    @Test
    void flowFilesWaitInRealQueuesAndEveryInputEndsExactlyOnce() {
        // No client-side image budget: the provider's 429s (with Retry-After) are what this flow must live with.
        String service = enabledService(canvas, BackpressureInNiFiIT.class, emulator,
                Map.of("Images Per Minute", "0", "Max Retries", "5"));
        PromptFlow flow = promptFlow(canvas, service, "under a rate limit", 5, OUT_THRESHOLD);
        sendNumberedPrompts(flow.inPort(), "rate limited item", INPUTS);

        // The output port is not running: the success queue fills to its threshold and back pressure holds the rest.
        canvas.awaitQueued(flow.out(), OUT_THRESHOLD);
        RealNiFi.sleep(2_000);
        assertThat(canvas.queued(flow.out())).as("back pressure stops the processor at the threshold")
                .isEqualTo(OUT_THRESHOLD);
        assertThat(canvas.queued(flow.in()) + canvas.queued(flow.retry())).as("the other inputs wait in the queues")
                .isEqualTo(INPUTS - OUT_THRESHOLD);

        canvas.start("output-ports", flow.outPort());
        List<SiteToSite.Received> images = siteToSite().receive(flow.outPort(), INPUTS, Duration.ofSeconds(90));

        assertThat(images).extracting(i -> i.attribute("item")).as("every input exactly once")
                .containsExactlyInAnyOrderElementsOf(items(INPUTS));
        images.forEach(image -> assertJpegOfTheAskedSize(image.content()));
        long rateLimited = emulator.stats().requestsWithStatus(429);
        assertThat(rateLimited).as("the provider's rate limit was really hit").isPositive();
        assertThat(emulator.stats().imagesGenerated()).isEqualTo(INPUTS);
        assertThat(emulator.stats().generationRequests()).as("requests = images + rate-limited attempts")
                .isEqualTo(INPUTS + rateLimited);
        assertThat(canvas.queued(flow.in()) + canvas.queued(flow.retry()) + canvas.queued(flow.out())).isZero();
        System.out.printf("Back pressure in NiFi: %d inputs, %d provider 429s, all %d delivered once%n", INPUTS,
                rateLimited, images.size());
    }
}
