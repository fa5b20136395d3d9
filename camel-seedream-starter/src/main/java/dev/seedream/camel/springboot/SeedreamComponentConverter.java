/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.util.Set;

import dev.seedream.camel.SeedreamConfiguration;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets the object options take a bean reference, {@code camel.component.seedream.client=#myClient} (or
 * {@code #bean:myClient}), as Camel's own starters do.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class SeedreamComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_OPTION_TYPES = Set.of(SeedreamClient.class, ImageBudget.class,
            RetryPolicy.class, SSLContextParameters.class, SeedreamConfiguration.class);

    private final ApplicationContext applicationContext;

    public SeedreamComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(BEAN_OPTION_TYPES.stream().map(type -> new ConvertiblePair(String.class, type))
                .toArray(ConvertiblePair[]::new));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        String reference = source == null ? "" : source.toString();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("Expected a bean reference such as #myBean for a "
                    + targetType.getType().getSimpleName() + ", got '" + reference + "'");
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
