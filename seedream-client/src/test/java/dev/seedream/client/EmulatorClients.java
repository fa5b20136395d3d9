/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.SeedreamEmulator;
import dev.seedream.emulator.junit.HostileServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;

import java.time.Duration;

/** Clients pointed at an in-process emulator, with short retry delays so fault tests stay fast. */
final class EmulatorClients {

    static final String KEY = "test-key";

    private EmulatorClients() {
    }

    static SeedreamClient.Builder builder(SeedreamEmulatorExtension emulator) {
        return builder(emulator.emulator());
    }

    static SeedreamClient.Builder builder(SeedreamEmulator emulator) {
        return builder(emulator.baseUri().toString());
    }

    /** A client of a hostile test server, whose answers are scripted. */
    static SeedreamClient.Builder builder(HostileServer server) {
        return builder(server.baseUri() + "/api/v3");
    }

    private static SeedreamClient.Builder builder(String baseUrl) {
        return SeedreamClient.builder()
                .baseUrl(baseUrl)
                .apiKey(KEY)
                .imagesPerMinute(0)
                .retryPolicy(RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    static ImageRequest.Builder b64(String prompt) {
        return ImageRequest.builder().prompt(prompt).size("1K").responseFormat(ResponseFormat.B64_JSON);
    }
}
