/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import dev.seedream.camel.SeedreamEndpoint;
import dev.seedream.emulator.junit.RedisServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis budget from properties: a real redis-server, the budget's options as a user sets them. */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.seedream.images-per-minute=50", "camel.component.seedream.budget-key=starter-test",
        "camel.component.seedream.budget-nodes=2", "camel.component.seedream.budget-timeout=2s" })
class SeedreamStarterRedisBudgetTest extends EmulatorBackedTest {

    private static final RedisServer REDIS = RedisServer.start();

    @DynamicPropertySource
    static void redisAddress(DynamicPropertyRegistry registry) {
        registry.add("camel.component.seedream.budget-redis-uri", REDIS::uri);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camelContext;

    @Test
    void theEndpointDrawsOnTheRedisBudgetOfTheProperties() {
        template.requestBody("direct:generate", "a bridge", byte[].class);

        SeedreamEndpoint endpoint = camelContext.getEndpoint("seedream:generate", SeedreamEndpoint.class);
        assertThat(endpoint.getBudget()).startsWith("RedisImageBudget[" + REDIS.uri())
                .contains("key=starter-test", "50 images");
        assertThat(endpoint.getBudgetGrants()).isEqualTo(1);
        assertThat(endpoint.getBudgetRedisCalls()).isPositive();
        assertThat(endpoint.isBudgetFallbackActive()).isFalse();
    }
}
