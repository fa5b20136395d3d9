/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import dev.seedream.camel.SeedreamComponent;
import dev.seedream.client.SeedreamClient;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a wrong property does to the start of the application, and what switching the starter off does. */
class SeedreamStarterStartupTest {

    /**
     * Starts the test application with {@code properties} as command-line arguments, which beat its
     * application.properties. No emulator is needed: nothing is sent, an unreachable base URL is fine.
     */
    private static ConfigurableApplicationContext start(String... properties) {
        String[] arguments = Stream.concat(Stream.of("emulator.base-url=http://127.0.0.1:9/api/v3"),
                Stream.of(properties)).map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(StarterTestApplication.class).web(WebApplicationType.NONE)
                .run(arguments);
    }

    @Test
    void aWrongTypeFailsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("camel.component.seedream.max-concurrent-requests=many").close())
                .hasStackTraceContaining("camel.component.seedream.max-concurrent-requests")
                .hasStackTraceContaining("many");
    }

    @Test
    void anUnknownEnumValueFailsTheStartNamingThePropertyAndTheValues() {
        assertThatThrownBy(() -> start("camel.component.seedream.response-format=png").close())
                .hasStackTraceContaining("camel.component.seedream.response-format")
                .hasStackTraceContaining("must be one of url, b64_json");
        assertThatThrownBy(() -> start("camel.component.seedream.validation-mode=LAX").close())
                .hasStackTraceContaining("camel.component.seedream.validation-mode")
                .hasStackTraceContaining("LAX");
    }

    @Test
    void aWrongDurationFailsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> start("camel.component.seedream.read-timeout=soon").close())
                .hasStackTraceContaining("camel.component.seedream.read-timeout");
    }

    @Test
    void aCamelPlaceholderInAPropertyIsResolvedByCamelAndShownUnresolved() {
        // The form camel-spring-boot 4.22's secret policy asks for: Spring keeps the text, Camel resolves it.
        try (ConfigurableApplicationContext context = start("camel.component.seedream.api-key={{seedream.test.key}}",
                "seedream.test.key=sk-from-a-camel-placeholder")) {
            var options = context.getBean(CamelContext.class).getComponent("seedream", SeedreamComponent.class)
                    .getConfiguration();

            assertThat(options.getApiKey()).isEqualTo("sk-from-a-camel-placeholder");
            assertThat(context.getEnvironment().getProperty("camel.component.seedream.api-key"))
                    .isEqualTo("{{seedream.test.key}}");
        }
    }

    @Test
    void disabledTheComponentKeepsItsOwnDefaults() { // without routes: with no key, an endpoint would not start
        try (ConfigurableApplicationContext context = start("camel.component.seedream.enabled=false",
                "test.java-route=false",
                "camel.main.routes-include-pattern=classpath:no-routes/*")) {
            var options = context.getBean(CamelContext.class).getComponent("seedream", SeedreamComponent.class)
                    .getConfiguration();

            assertThat(options.getBaseUrl()).isEqualTo(SeedreamClient.DEFAULT_BASE_URL);
            assertThat(options.getSize()).isNull();
        }
    }
}
