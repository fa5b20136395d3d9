package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
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
        String service = enabledService(canvas, emulator, Map.of());
        String inPort = canvas.addRemotePort("input-ports", "prompts across a restart");
        String generate = canvas.addProcessor(GENERATE_TYPE, Canvas.seedreamBundle(), "Generate across a restart",
                Map.of("Seedream Connection Service", service, "Prompt Source", "content", "Size", SIZE,
                        "Batch Size", "1"),
                "0 sec", List.of("failure", "original"));
        String outPort = canvas.addRemotePort("output-ports", "images across a restart");
        String in = canvas.connect(inPort, "INPUT_PORT", generate, "PROCESSOR", List.of(), 100);
        canvas.connect(generate, "PROCESSOR", generate, "PROCESSOR", List.of("retry"), 100);
        String out = canvas.connect(generate, "PROCESSOR", outPort, "OUTPUT_PORT", List.of("success"), 100);
        canvas.start("input-ports", inPort);
        canvas.start("processors", generate);
        siteToSite().send(inPort, IntStream.range(0, INPUTS).mapToObj(i -> Map.entry(
                ("restart item " + i).getBytes(StandardCharsets.UTF_8), Map.of("item", "" + i))).toList());

        nifi.api().await("/flow/connections/" + out + "/status",
                s -> s.at("/connectionStatus/aggregateSnapshot/flowFilesQueued").asInt() >= 2,
                Duration.ofSeconds(60), "first images queued");
        int doneBefore = canvas.queued(out);
        int waitingBefore = canvas.queued(in);
        nifi.restart();
        System.out.printf("NiFi restarted in %d ms with %d images queued and %d inputs waiting%n",
                nifi.lastStartTime().toMillis(), doneBefore, waitingBefore);
        assertThat(waitingBefore).as("the restart came in the middle of the flow").isPositive();

        // autoResumeState: the processor runs again by itself; the output port was never started.
        canvas.start("output-ports", outPort);
        List<SiteToSite.Received> images = new ArrayList<>(siteToSite().receive(outPort, INPUTS,
                Duration.ofSeconds(90)));
        images.addAll(siteToSite().receive(outPort, 1, Duration.ofSeconds(3))); // a duplicate would come now

        assertThat(images).extracting(i -> i.attribute("item")).as("every input exactly once")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, INPUTS).mapToObj(Integer::toString).toList());
        images.forEach(image -> assertJpegOfTheAskedSize(image.content()));
        // A request in flight when NiFi stopped is sent again after the restart (its session was rolled back):
        // billed twice at worst, delivered once.
        assertThat(emulator.stats().imagesGenerated()).isBetween((long) INPUTS, INPUTS + 1L);
    }
}
