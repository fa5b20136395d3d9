/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import dev.seedream.client.SeedreamClient;
import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;

import java.time.Duration;
import java.util.Map;

/**
 * Where the examples send requests: the real Seedream API when a key is in the environment, otherwise an
 * emulator started in this process — no key, no network, no credits.
 *
 * @param baseUrl   API base URL
 * @param apiKey    bearer key (the emulator's test key when embedded)
 * @param emulator  the embedded emulator, or null for the real API
 */
record Backend(String baseUrl, String apiKey, SeedreamEmulator emulator) implements AutoCloseable {

    static final String BASE_URL_VARIABLE = "SEEDREAM_BASE_URL";
    static final String EMULATOR_KEY = "test-key";

    /** Picks the backend from the environment (see {@link SeedreamClient#API_KEY_VARIABLES}). */
    static Backend fromEnvironment(Map<String, String> environment) {
        for (String variable : SeedreamClient.API_KEY_VARIABLES) {
            String key = environment.get(variable);
            if (key != null && !key.isBlank()) {
                String baseUrl = environment.getOrDefault(BASE_URL_VARIABLE, SeedreamClient.DEFAULT_BASE_URL);
                return new Backend(baseUrl, key.trim(), null);
            }
        }
        return embeddedEmulator();
    }

    /** An in-process emulator with a little latency per image, so progress is visible as it would be live. */
    static Backend embeddedEmulator() {
        SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder()
                .latency(Latency.uniform(Duration.ofMillis(200), Duration.ofMillis(900))).build());
        return new Backend(emulator.baseUri().toString(), EMULATOR_KEY, emulator);
    }

    String describe() {
        return emulator == null ? "the Seedream API at " + baseUrl : "an embedded emulator at " + baseUrl
                + " (set SEEDREAM_API_KEY to use the real API)";
    }

    /** Camel properties that configure the seedream component for this backend. */
    Map<String, String> componentProperties() {
        return Map.of("camel.component.seedream.base-url", baseUrl,
                "camel.component.seedream.api-key", apiKey);
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public String toString() {
        return "Backend[" + baseUrl + "]"; // never the key
    }
}
