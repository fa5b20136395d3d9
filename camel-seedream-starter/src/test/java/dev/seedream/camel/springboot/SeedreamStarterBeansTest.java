/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.seedream.camel.SeedreamComponent;
import dev.seedream.client.ImageBudget;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's own beans: its ComponentCustomizer runs after the properties, its ImageBudget is the budget. */
@SpringBootTest(classes = { StarterTestApplication.class, SeedreamStarterBeansTest.UserBeans.class })
class SeedreamStarterBeansTest extends EmulatorBackedTest {

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CountingBudget budget;

    @Test
    void theApplicationsCustomizerAndBudgetApply() throws Exception {
        template.requestBody("direct:generate", "a kite", byte[].class);

        assertThat(emulator.takeRequest().json().path("seed").asLong()).isEqualTo(42);
        assertThat(budget.images).as("images asked of the application's budget").hasValue(1);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class UserBeans {

        @Bean
        ComponentCustomizer seedOfTheApplication() {
            return ComponentCustomizer.forType(SeedreamComponent.class,
                    component -> component.getConfiguration().setSeed(42L));
        }

        @Bean
        CountingBudget countingBudget() {
            return new CountingBudget();
        }
    }

    /** A budget that grants everything and counts what it was asked for. */
    static final class CountingBudget implements ImageBudget {

        final AtomicInteger images = new AtomicInteger();

        @Override
        public CompletableFuture<Grant> acquire(String model, int count, Duration maxWait) {
            images.addAndGet(count);
            return CompletableFuture.completedFuture(unused -> { });
        }

        @Override
        public int waiting() {
            return 0;
        }
    }
}
