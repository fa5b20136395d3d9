/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the component's secrets out of actuator's {@code /env} and {@code /configprops} even where an application shows
 * values ({@code management.endpoint.env.show-values=ALWAYS}): Boot then masks nothing by itself. Masked are the
 * secret options under any property source, and any property whose value is one of their values — the environment
 * variable a {@code ${SEEDREAM_API_KEY}} or {@code {{SEEDREAM_API_KEY}}} placeholder reads, for one (Camel resolves
 * the second kind, so its value is asked of Camel).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class SeedreamActuatorAutoConfiguration {

    /** The component's secret options (catalog {@code secret: true}). */
    static final List<String> SECRET_OPTIONS = List.of("apiKey", "budgetRedisUri", "proxyAuthUsername",
            "proxyAuthPassword");
    private static final String PREFIX = "camel.component.seedream.";

    @Bean
    public SanitizingFunction seedreamSecretsSanitizer(ObjectProvider<SeedreamComponentConfiguration> configuration,
                                                       ObjectProvider<CamelContext> camelContext) {
        return data -> isSecret(data, configuration.getIfAvailable(), camelContext.getIfAvailable())
                ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    /** @param configuration the bound properties, or null with the component's auto-configuration switched off */
    private static boolean isSecret(SanitizableData data, SeedreamComponentConfiguration configuration,
                                    CamelContext camelContext) {
        if (isSecretOption(data.getKey())) {
            return true;
        }
        Object value = data.getValue();
        return value != null && configuration != null
                && secretValues(configuration).flatMap(secret -> Stream.of(secret, resolved(secret, camelContext)))
                .anyMatch(value.toString()::equals);
    }

    /** What Camel makes of a value with {@code {{...}}} placeholders; the value itself where it cannot. */
    private static String resolved(String secret, CamelContext camelContext) {
        if (camelContext == null || !secret.contains("{{")) {
            return secret;
        }
        try {
            return camelContext.resolvePropertyPlaceholders(secret);
        } catch (RuntimeException unresolvable) { // the component's start reports that; here it only cannot match
            return secret;
        }
    }

    /** {@code /env} names the property ({@code ...api-key}), {@code /configprops} the bean's field ({@code apiKey}). */
    private static boolean isSecretOption(String key) {
        return SECRET_OPTIONS.stream().anyMatch(option -> key.equals(option)
                || key.equals(PREFIX + option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)));
    }

    private static Stream<String> secretValues(SeedreamComponentConfiguration configuration) {
        return Stream.of(configuration.getApiKey(), configuration.getBudgetRedisUri(),
                configuration.getProxyAuthUsername(), configuration.getProxyAuthPassword())
                .filter(Objects::nonNull).filter(secret -> !secret.isBlank());
    }
}
