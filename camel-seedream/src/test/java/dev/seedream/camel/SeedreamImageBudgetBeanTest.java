/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamRateLimitException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A single ImageBudget bean in the registry is the budget of every endpoint, without naming it. */
class SeedreamImageBudgetBeanTest extends SeedreamTestSupport {

    private final ImageBudget oneImagePerHalfMinute = ImageBudget.slidingWindow(1, Duration.ofSeconds(30));

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("oneImagePerHalfMinute", oneImagePerHalfMinute);
    }

    @AfterEach
    void closeTheBudget() {
        oneImagePerHalfMinute.close(); // a bean: the endpoints do not close it
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:first").to("seedream:generate?maxLimitWait=200");
                from("direct:second").to("seedream:generate?size=2K&maxLimitWait=200");
            }
        };
    }

    @Test
    void aSingleImageBudgetBeanIsAutowiredIntoEveryEndpoint() {
        Exchange first = template.request("direct:first", e -> e.getIn().setBody("the one image"));
        Exchange second = template.request("direct:second", e -> e.getIn().setBody("one too many"));

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isInstanceOfSatisfying(SeedreamRateLimitException.class,
                e -> assertThat(e.isLocalLimit()).isTrue());
        assertThat(emulator.stats().requestsForPrompt("one too many")).isZero();
        assertThat(context.getEndpoint("seedream:generate?size=2K&maxLimitWait=200", SeedreamEndpoint.class)
                .getConfiguration().getImageBudget()).isSameAs(oneImagePerHalfMinute);
    }
}
