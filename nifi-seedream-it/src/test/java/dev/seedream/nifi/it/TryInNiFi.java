/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code examples/nifi/try-in-nifi.sh}: our processors in a real NiFi 2.3.0 with the emulator, for users who have no
 * NiFi yet. Starts both on loopback, builds a small flow (a connection service, GenerateImageSeedream on a timer
 * into a queue you can list in the UI, an EditImageSeedream and a batch processor to configure), prints the UI's
 * URL and runs until Ctrl-C, which stops NiFi and the emulator.
 */
public final class TryInNiFi {

    private TryInNiFi() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder()
                     .latency(Latency.uniform(Duration.ofMillis(500), Duration.ofSeconds(2))).build());
             RealNiFi nifi = RealNiFi.assemble()) {
            System.out.println("Starting NiFi " + System.getProperty("nifi.version") + " (about 20 seconds)…");
            nifi.start();
            Canvas canvas = new Canvas(nifi.api(), 0);
            String serviceId = canvas.addService(RealNiFiTest.SERVICE_TYPE, Canvas.seedreamBundle(),
                    "Seedream (local emulator)",
                    RealNiFiTest.serviceProperties(emulator.baseUri(), RealNiFiTest.API_KEY));
            canvas.enableService(serviceId);
            String generate = canvas.addProcessor(RealNiFiTest.GENERATE_TYPE, Canvas.seedreamBundle(),
                    "Generate a lighthouse every 30 s", Map.of("Seedream Connection Service", serviceId,
                            "Prompt", "A lighthouse on a cliff at dawn", "Size", "2K"),
                    "30 sec", List.of("failure", "retry", "original"));
            String images = canvas.addRemotePort("output-ports", "images");
            canvas.connect(generate, "PROCESSOR", images, "OUTPUT_PORT", List.of("success"), 1_000);
            canvas.addProcessor(RealNiFiTest.EDIT_TYPE, Canvas.seedreamBundle(), "Edit (give it input)",
                    Map.of("Seedream Connection Service", serviceId, "Prompt", "Make it look like a watercolour"),
                    "0 sec", List.of("failure", "retry", "original", "success"));
            canvas.start("processors", generate);

            System.out.println();
            System.out.println("NiFi UI:       " + nifi.uri() + "/  (no login: this NiFi listens on 127.0.0.1 only)");
            System.out.println("Emulator:      " + emulator.baseUri() + "  (API key test-key)");
            System.out.println("NiFi's home:   " + nifi.home() + "  (logs/nifi-app.log)");
            System.out.println("Images queue up before the 'images' port: right-click the connection, List queue.");
            System.out.println("Ctrl-C stops NiFi and the emulator.");
            CountDownLatch interrupted = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                nifi.stop();
                interrupted.countDown();
            }));
            interrupted.await();
        }
    }
}
