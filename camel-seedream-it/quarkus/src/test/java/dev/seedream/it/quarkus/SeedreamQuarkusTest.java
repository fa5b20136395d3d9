/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.it.quarkus;

import java.net.URL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.camel.SeedreamComponent;
import dev.seedream.client.SeedreamServerException;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.RecordedRequest;
import dev.seedream.emulator.SeedreamEmulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Camel Quarkus application in JVM mode with camel-seedream and no extension for it: Camel Quarkus finds the
 * component, applies camel.component.seedream.* from application.properties, and the route generates against the
 * emulator; the endpoint's health check is in Quarkus's own /q/health.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class SeedreamQuarkusTest {

    @EmulatorResource.Emulator
    SeedreamEmulator emulator;

    @Inject
    ProducerTemplate template;
    @Inject
    CamelContext camelContext;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @BeforeEach
    void freshEmulator() {
        emulator.reset();
    }

    @Test
    void theRouteGeneratesWithTheKeyUrlAndOptionsOfApplicationProperties() throws Exception {
        byte[] image = template.requestBody("direct:generate", "a lighthouse at dusk", byte[].class);

        assertThat(image).startsWith((byte) 0xff, (byte) 0xd8);
        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.path()).isEqualTo("/api/v3/images/generations");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + EmulatorResource.API_KEY);
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("seedream-4-5-251128");
        assertThat(body.path("size").asText()).isEqualTo("2K");
        assertThat(body.path("watermark").isBoolean()).isTrue();
        assertThat(body.path("watermark").asBoolean()).isFalse();
        assertThat(body.path("prompt").asText()).isEqualTo("a lighthouse at dusk");
    }

    @Test
    void theComponentIsFoundAndItsRetryCountApplied() {
        assertThat(camelContext.getComponent("seedream")).isInstanceOf(SeedreamComponent.class);
        emulator.faults().schedule(Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500);

        assertThatThrownBy(() -> template.requestBody("direct:generate", "a storm", byte[].class))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(SeedreamServerException.class);
        assertThat(emulator.stats().requestsWithStatus(500)).as("the first attempt and one retry").isEqualTo(2);
    }

    @Test
    void theEndpointsHealthCheckIsUpInQuarkusReadiness() throws Exception {
        Health health = Health.get(readiness);

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        // Camel's bridge shows the producers' checks as one entry, with their details only when one is down (see
        // SeedreamQuarkusRejectedKeyTest); the probe the emulator received is this endpoint's key check.
        assertThat(health.check("camel-producers").path("status").asText()).isEqualTo("UP");
        JsonNode probe = emulator.takeRequest().json();
        assertThat(probe.path("size").asText()).isEqualTo("1x1");
        assertThat(probe.path("model").asText()).isEqualTo("seedream-4-5-251128");
        assertThat(emulator.stats().imagesGenerated()).as("the key check bills no image").isZero();
    }
}
