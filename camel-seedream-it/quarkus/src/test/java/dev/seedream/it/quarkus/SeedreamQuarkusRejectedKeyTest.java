/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.it.quarkus;

import java.net.URL;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A key the provider rejects takes the application's readiness DOWN (HTTP 503), saying why and not showing it. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
@TestProfile(SeedreamQuarkusRejectedKeyTest.RevokedKey.class)
class SeedreamQuarkusRejectedKeyTest {

    static final String REVOKED_KEY = "sk-revoked-0123456789";

    /** The application run with a key the emulator does not accept. */
    public static class RevokedKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("camel.component.seedream.api-key", REVOKED_KEY);
        }
    }

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @Test
    void aRejectedKeyIsDownInQuarkusReadiness() throws Exception {
        Health health = Health.get(readiness);

        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        JsonNode producers = health.check("camel-producers");
        assertThat(producers.path("status").asText()).isEqualTo("DOWN");
        assertThat(producers.path("data").path("endpoint.uri").asText()).isEqualTo("seedream://generate");
        assertThat(producers.path("data").path("seedream.keyCheck").asText()).isEqualTo("KEY_REJECTED");
        assertThat(producers.path("data").path("seedream.keyCheck.message").asText())
                .contains("API key was rejected");
        assertThat(health.body()).doesNotContain(REVOKED_KEY);
    }
}
