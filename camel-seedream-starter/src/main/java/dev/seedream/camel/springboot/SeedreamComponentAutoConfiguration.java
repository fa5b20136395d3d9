/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.seedream.camel.SeedreamComponent;
import dev.seedream.client.ImageBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code seedream} component from {@code camel.component.seedream.*}, the way Camel's own starters do:
 * a {@link ComponentCustomizer} that Camel applies when it creates the component, switched off by
 * {@code camel.component.seedream.enabled=false} (or {@code camel.component.enabled=false}) and its customizer by
 * {@code camel.component.seedream.customizer.enabled=false}. The application's own customizers run too.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, SeedreamComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.seedream" })
public class SeedreamComponentAutoConfiguration {

    /** The options of the auto-configuration itself, not of the component. */
    private static final java.util.Set<String> STARTER_OPTIONS = java.util.Set.of("enabled", "customizer");

    @Lazy
    @Bean
    public ComponentCustomizer configureSeedreamComponent(ApplicationContext applicationContext,
                                                         SeedreamComponentConfiguration configuration,
                                                         ObjectProvider<ImageBudget> budgets) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelContext camelContext = target.getCamelContext();
                Map<String, Object> options = componentOptions(camelContext, configuration);
                if (!options.containsKey("imageBudget") && !options.containsKey("budgetRedisUri")) {
                    // Camel autowires a lone ImageBudget bean on Camel Main; Spring's own lookup does it here.
                    ImageBudget budget = budgets.getIfUnique();
                    if (budget != null) {
                        options.put("imageBudget", budget);
                    }
                }
                // Fails naming the option when the component has no such setter (a starter out of step with it).
                CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.seedream.customizer") && target instanceof SeedreamComponent;
            }
        };
    }

    /** The options set (or defaulted) in the properties, Durations as the milliseconds the component takes. */
    static Map<String, Object> componentOptions(CamelContext camelContext,
                                                SeedreamComponentConfiguration configuration) {
        Map<String, Object> options = new LinkedHashMap<>();
        CamelPropertiesHelper.getNonNullProperties(camelContext, configuration).forEach((name, value) -> {
            if (!STARTER_OPTIONS.contains(name)) {
                options.put(name, value instanceof Duration duration ? duration.toMillis() : value);
            }
        });
        return options;
    }
}
