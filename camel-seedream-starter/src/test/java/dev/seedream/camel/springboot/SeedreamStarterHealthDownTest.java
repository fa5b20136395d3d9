/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** A key the provider rejects takes the application's health DOWN (HTTP 503), saying why. */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camel.component.seedream.api-key=sk-revoked-0123456789",
            "camel.health.producers-enabled=true",
            "management.endpoint.health.show-details=always" })
class SeedreamStarterHealthDownTest extends EmulatorBackedTest {

    @Autowired
    private Environment environment;

    @Test
    void aRejectedKeyIsDownInActuatorsHealth() throws Exception {
        HttpResponse<String> health = get(
                environment.getRequiredProperty("local.server.port", Integer.class), "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"", "KEY_REJECTED", "API key was rejected")
                .doesNotContain("sk-revoked-0123456789");
    }
}
