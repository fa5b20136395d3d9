/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the starter's {@code @SpringBootTest}s share: an emulator per test class (its address given to the
 * application as {@code emulator.base-url}, which {@code application.properties} reads into
 * {@code camel.component.seedream.base-url}), an application context of its own, and plain HTTP calls to the
 * application's actuator.
 */
@DirtiesContext
abstract class EmulatorBackedTest {

    static final String API_KEY = "test-key";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    @DynamicPropertySource
    static void emulatorAddress(DynamicPropertyRegistry registry) {
        registry.add("emulator.base-url", () -> emulator.baseUri().toString());
    }

    /** GET on the application's own port; the status and the body. */
    static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
