/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The counters of every seedream endpoint's client as Micrometer meters ({@link SeedreamEndpointMeters}), where the
 * application has Micrometer and a registry (actuator brings both). Micrometer is optional for the component: nothing
 * of it is needed without this starter.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
public class SeedreamMetricsAutoConfiguration {

    @Bean
    public CamelContextConfiguration seedreamEndpointMeters(ObjectProvider<MeterRegistry> registries) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(org.apache.camel.CamelContext camelContext) {
                MeterRegistry registry = registries.getIfUnique();
                if (registry != null) {
                    camelContext.addLifecycleStrategy(new SeedreamEndpointMeters(registry));
                }
            }

            @Override
            public void afterApplicationStart(org.apache.camel.CamelContext camelContext) {
                // the meters follow the endpoints as they come and go
            }
        };
    }
}
