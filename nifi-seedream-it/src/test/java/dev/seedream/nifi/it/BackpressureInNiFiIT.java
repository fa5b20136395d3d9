package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
        String service = enabledService(canvas, emulator, Map.of("Images Per Minute", "0", "Max Retries", "5"));
        String inPort = canvas.addRemotePort("input-ports", "prompts under a rate limit");
        String generate = canvas.addProcessor(GENERATE_TYPE, Canvas.seedreamBundle(), "Generate under a rate limit",
                Map.of("Seedream Connection Service", service, "Prompt Source", "content", "Size", SIZE,
                        "Batch Size", "1"),
                "0 sec", List.of("failure", "original"));
        String outPort = canvas.addRemotePort("output-ports", "rate-limited images");
        String in = canvas.connect(inPort, "INPUT_PORT", generate, "PROCESSOR", List.of(), 5);
        String retry = canvas.connect(generate, "PROCESSOR", generate, "PROCESSOR", List.of("retry"), 100);
        String out = canvas.connect(generate, "PROCESSOR", outPort, "OUTPUT_PORT", List.of("success"),
                OUT_THRESHOLD);
        canvas.start("input-ports", inPort);
        canvas.start("processors", generate);

        siteToSite().send(inPort, IntStream.range(0, INPUTS).mapToObj(i -> Map.entry(
                ("rate limited item " + i).getBytes(StandardCharsets.UTF_8), Map.of("item", "" + i))).toList());

        // The output port is not running: the success queue fills to its threshold and back pressure holds the rest.
        nifi.api().await("/flow/connections/" + out + "/status",
                s -> s.at("/connectionStatus/aggregateSnapshot/flowFilesQueued").asInt() >= OUT_THRESHOLD,
                Duration.ofSeconds(60), "success queue full");
        RealNiFi.sleep(2_000);
        assertThat(canvas.queued(out)).as("back pressure stops the processor at the threshold")
                .isEqualTo(OUT_THRESHOLD);
        assertThat(canvas.queued(in) + canvas.queued(retry)).as("the other inputs wait in the queues")
                .isEqualTo(INPUTS - OUT_THRESHOLD);

        canvas.start("output-ports", outPort);
        List<SiteToSite.Received> images = siteToSite().receive(outPort, INPUTS, Duration.ofSeconds(90));

        List<String> items = new ArrayList<>(images.stream().map(i -> i.attribute("item")).toList());
        assertThat(items).as("every input exactly once").containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, INPUTS).mapToObj(Integer::toString).toList());
        images.forEach(image -> assertJpegOfTheAskedSize(image.content()));
        long rateLimited = emulator.stats().requestsWithStatus(429);
        assertThat(rateLimited).as("the provider's rate limit was really hit").isPositive();
        assertThat(emulator.stats().imagesGenerated()).isEqualTo(INPUTS);
        assertThat(emulator.stats().generationRequests()).as("requests = images + rate-limited attempts")
                .isEqualTo(INPUTS + rateLimited);
        assertThat(canvas.queued(in) + canvas.queued(retry) + canvas.queued(out)).isZero();
        System.out.printf("Back pressure in NiFi: %d inputs, %d provider 429s, all %d delivered once%n", INPUTS,
                rateLimited, images.size());
    }
}
