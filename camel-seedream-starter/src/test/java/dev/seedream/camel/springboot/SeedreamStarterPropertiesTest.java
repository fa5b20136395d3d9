/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.camel.SeedreamComponent;
import dev.seedream.client.SeedreamServerException;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Boot application with only the starter added: the options in its {@code application.properties} (see the test
 * resources) reach the request the emulator records, and a YAML route found by
 * {@code camel.main.routes-include-pattern} runs on the component they configured.
 */
@SpringBootTest(classes = StarterTestApplication.class)
class SeedreamStarterPropertiesTest extends EmulatorBackedTest {

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camelContext;

    @Test
    void theKeyUrlModelSizeAndWatermarkOfTheProperties() throws Exception {
        byte[] image = template.requestBody("direct:generate", "a lighthouse at dusk", byte[].class);

        assertThat(image).startsWith((byte) 0xff, (byte) 0xd8);
        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.path()).isEqualTo("/api/v3/images/generations");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("seedream-4-5-251128");
        assertThat(body.path("size").asText()).isEqualTo("2K");
        assertThat(body.path("watermark").isBoolean()).isTrue();
        assertThat(body.path("watermark").asBoolean()).isFalse();
        assertThat(body.path("prompt").asText()).isEqualTo("a lighthouse at dusk");
    }

    @Test
    void durationsEnumsAndNumbersReachTheComponent() {
        var options = camelContext.getComponent("seedream", SeedreamComponent.class).getConfiguration();

        assertThat(options.getReadTimeout()).isEqualTo(30_000);
        assertThat(options.getMaxLimitWait()).isEqualTo(2_000);
        assertThat(options.getImagesPerMinute()).isEqualTo(300);
        assertThat(options.getValidationMode()).hasToString("PROTOCOL_ONLY");
    }

    @Test
    void maxRetriesOfThePropertiesIsTheClientsRetryCount() throws Exception {
        emulator.faults().schedule(Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500);

        assertThatThrownBy(() -> template.requestBody("direct:generate", "a storm", byte[].class))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(SeedreamServerException.class);
        assertThat(emulator.stats().requestsWithStatus(500)).as("the first attempt and one retry").isEqualTo(2);
    }

    @Test
    void aYamlRouteOfTheIncludePatternRunsOnTheConfiguredComponent() throws Exception {
        byte[] image = template.requestBody("direct:yaml-generate", "a harbour", byte[].class);

        assertThat(image).startsWith((byte) 0xff, (byte) 0xd8);
        assertThat(camelContext.getRoute("yaml-generate")).isNotNull();
        JsonNode body = emulator.takeRequest().json();
        assertThat(body.path("size").asText()).as("the route's own option beats the component's").isEqualTo("2560x1440");
        assertThat(body.path("model").asText()).isEqualTo("seedream-4-5-251128");
    }
}
