/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.util.concurrent.TimeUnit;

import dev.seedream.client.SeedreamRateLimitException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** images-per-minute and max-limit-wait from the properties: the third image of a minute is refused locally. */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.seedream.images-per-minute=2", "camel.component.seedream.max-limit-wait=300ms" })
class SeedreamStarterLimitsTest extends EmulatorBackedTest {

    @Autowired
    private ProducerTemplate template;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theThirdImageOfTheMinuteWaitsMaxLimitWaitThenFailsWithoutARequest() {
        template.requestBody("direct:generate", "one", byte[].class);
        template.requestBody("direct:generate", "two", byte[].class);
        long start = System.nanoTime();

        assertThatThrownBy(() -> template.requestBody("direct:generate", "three", byte[].class))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOfSatisfying(SeedreamRateLimitException.class,
                        limited -> assertThat(limited.isLocalLimit()).isTrue());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 5_000L);
        assertThat(emulator.stats().generationRequests()).isEqualTo(2);
    }
}
