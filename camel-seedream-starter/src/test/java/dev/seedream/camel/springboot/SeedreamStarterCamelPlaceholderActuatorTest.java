/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key in the form the README recommends, a Camel placeholder: actuator shows the placeholder, and the property
 * source that holds the key (here the system properties, as the environment would) masked.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camel.component.seedream.api-key={{SEEDREAM_STARTER_PLACEHOLDER_KEY}}",
            "management.endpoints.web.exposure.include=env,configprops",
            "management.endpoint.env.show-values=always",
            "management.endpoint.configprops.show-values=always" })
class SeedreamStarterCamelPlaceholderActuatorTest extends EmulatorBackedTest {

    private static final String SECRET_KEY = "sk-camel-placeholder-5ecret-0123456789";

    @BeforeAll
    static void keyInTheSystemProperties() {
        System.setProperty("SEEDREAM_STARTER_PLACEHOLDER_KEY", SECRET_KEY);
        emulator.configure(config -> config.apiKeys(SECRET_KEY));
    }

    @AfterAll
    static void clearKey() {
        System.clearProperty("SEEDREAM_STARTER_PLACEHOLDER_KEY");
    }

    @Autowired
    private Environment environment;

    @Test
    void thePlaceholderIsShownAndTheKeyItReadsIsMasked() throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        HttpResponse<String> env = get(port, "/actuator/env");
        HttpResponse<String> holder = get(port, "/actuator/env/SEEDREAM_STARTER_PLACEHOLDER_KEY");
        HttpResponse<String> configprops = get(port, "/actuator/configprops");

        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body()).as("values are shown").contains("seedream-4-5-251128")
                .contains("SEEDREAM_STARTER_PLACEHOLDER_KEY").doesNotContain(SECRET_KEY);
        assertThat(holder.body()).contains("******").doesNotContain(SECRET_KEY);
        assertThat(configprops.body()).contains("camel.component.seedream").doesNotContain(SECRET_KEY);
    }
}
