/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples.springboot;

import java.time.Duration;
import java.util.stream.Stream;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;

/**
 * The application on the Seedream emulator instead of the real API: no key, no network, no credits. Run it with
 * {@code ./mvnw spring-boot:test-run} (or {@code run-on-emulator.sh}); the emulator stops when the job ends.
 */
public final class TestPromptsToImagesApplication {

    private TestPromptsToImagesApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        // A little latency per image, so the log shows the images arriving as they would from the real API.
        SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder()
                .latency(Latency.uniform(Duration.ofMillis(200), Duration.ofMillis(900))).build());
        String[] onEmulator = { "--SEEDREAM_BASE_URL=" + emulator.baseUri(),
            "--SEEDREAM_API_KEY=" + EmulatorConfig.defaults().apiKeys().iterator().next() };
        int exitCode;
        try {
            exitCode = PromptsToImagesApplication.run(
                    Stream.concat(Stream.of(onEmulator), Stream.of(args)).toArray(String[]::new));
        } finally {
            emulator.close();
        }
        System.exit(exitCode);
    }
}
