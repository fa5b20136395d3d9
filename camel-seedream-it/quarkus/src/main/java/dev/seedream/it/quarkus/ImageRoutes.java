/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.it.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/** The application's route: a prompt in, the image's bytes out, on the options of application.properties. */
@ApplicationScoped
public class ImageRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:generate").routeId("generate")
                .to("seedream:generate");
    }
}
