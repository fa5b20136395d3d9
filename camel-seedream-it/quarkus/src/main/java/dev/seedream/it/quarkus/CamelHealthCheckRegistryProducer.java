/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.it.quarkus;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.microprofile.health.CamelMicroProfileHealthCheckRegistry;

/**
 * What the camel-quarkus-microprofile-health extension does for an application, done by hand because its jar is not
 * served where this is built: Camel's health-check registry is the one that publishes every check to SmallRye
 * Health, so Quarkus's {@code /q/health} shows them. Camel picks the single registry bean up at startup;
 * application.properties keeps Camel's default registry out of the build-time service discovery so there is one.
 */
@Singleton
public class CamelHealthCheckRegistryProducer {

    @Produces
    @Singleton
    @Named("camelMicroProfileHealthCheckRegistry")
    HealthCheckRegistry healthCheckRegistry() {
        return new CamelMicroProfileHealthCheckRegistry();
    }
}
