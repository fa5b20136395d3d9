/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** A user's application as the tests see it: the starter on the class path, one route, nothing configured in code. */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    @ConditionalOnProperty(name = "test.java-route", matchIfMissing = true)
    RouteBuilder generateRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").routeId("generate").to("seedream:generate");
            }
        };
    }
}
