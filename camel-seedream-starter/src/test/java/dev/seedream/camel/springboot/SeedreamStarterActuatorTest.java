/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.net.http.HttpResponse;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator over HTTP, as an operator reads it: the producer health check in {@code /actuator/health}, the client's
 * meters in {@code /actuator/prometheus} and {@code /actuator/metrics}, and the key never in clear in {@code /env} or
 * {@code /configprops}, although this application shows values and reads its key from a placeholder.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camel.component.seedream.api-key=${SEEDREAM_STARTER_TEST_KEY}",
            "camel.health.producers-enabled=true",
            "camel.health.exposure-level=full",
            // Boot's tests switch metrics export off; these turn it back on, on Boot 3.5 and on Boot 4.0.
            "spring.test.observability.auto-configure=true",
            "spring.test.metrics.export=true",
            "management.endpoints.web.exposure.include=health,metrics,prometheus,env,configprops",
            "management.endpoint.health.show-details=always",
            "management.endpoint.env.show-values=always",
            "management.endpoint.configprops.show-values=always" })
class SeedreamStarterActuatorTest extends EmulatorBackedTest {

    /** Long and unusual, so finding it anywhere in a response can only mean a leak. */
    private static final String SECRET_KEY = "sk-starter-5ecret-key-0123456789";

    /** Where the placeholder finds the key: a property source that {@code /env} lists, like the environment. */
    @BeforeAll
    static void keyInTheSystemProperties() {
        System.setProperty("SEEDREAM_STARTER_TEST_KEY", SECRET_KEY);
        emulator.configure(config -> config.apiKeys(SECRET_KEY));
    }

    @AfterAll
    static void clearKey() {
        System.clearProperty("SEEDREAM_STARTER_TEST_KEY");
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private Environment environment;

    private HttpResponse<String> get(String path) throws Exception {
        return get(environment.getRequiredProperty("local.server.port", Integer.class), path);
    }

    @Test
    void theProducerCheckIsUpInActuatorsHealthWithoutAnImageBilled() throws Exception {
        emulator.configure(config -> config.apiKeys(SECRET_KEY));

        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "producer:seedream-seedream://generate",
                "KEY_ACCEPTED").doesNotContain(SECRET_KEY);
        assertThat(emulator.stats().imagesGenerated()).isZero();
    }

    @Test
    void theClientsCountersAreMetersTaggedByEndpointAndModel() throws Exception {
        emulator.configure(config -> config.apiKeys(SECRET_KEY));
        get("/actuator/health"); // a key check, whose expected 400 is no failure of the client
        template.requestBody("direct:generate", "a lighthouse", byte[].class);
        emulator.configure(config -> config.apiKeys("another-key")); // from now on the provider rejects ours
        template.request("direct:generate", exchange -> exchange.getIn().setBody("a rejected lighthouse"));

        get("/actuator/prometheus"); // the first read registers the failure cause seen since the last one
        HttpResponse<String> prometheus = get("/actuator/prometheus");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("seedream_images_generated_total{endpoint=\"seedream://generate\","
                        + "model=\"seedream-4-5-251128\"} 1.0")
                .contains("seedream_calls_failed_total{code=\"AuthenticationError\",endpoint=\"seedream://generate\","
                        + "model=\"seedream-4-5-251128\"} 1.0")
                .contains("seedream_in_flight{", "seedream_budget_grants_total{", "seedream_retries_total{",
                        "seedream_budget_fallback_active{")
                .doesNotContain("code=\"InvalidParameter\"");
        assertThat(get("/actuator/metrics/seedream.images.generated").body()).contains("\"value\":1.0");
    }

    @Test
    void theKeyIsNeverShownInClearByEnvOrConfigprops() throws Exception {
        HttpResponse<String> env = get("/actuator/env");
        HttpResponse<String> configprops = get("/actuator/configprops");
        HttpResponse<String> property = get("/actuator/env/camel.component.seedream.api-key");

        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body()).as("values are shown").contains("seedream-4-5-251128")
                .contains("SEEDREAM_STARTER_TEST_KEY").doesNotContain(SECRET_KEY);
        assertThat(configprops.body()).contains("camel.component.seedream").doesNotContain(SECRET_KEY);
        assertThat(property.body()).contains("******").doesNotContain(SECRET_KEY);
    }
}
