/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.ArrayList;
import java.util.List;

import dev.seedream.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CircuitBreakerConstants;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented recipe: a circuit breaker (camel-resilience4j) around the endpoint stops calling a failing API. */
class SeedreamCircuitBreakerTest extends SeedreamTestSupport {

    private static final int CALLS_TO_OPEN = 3;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:guarded")
                        .circuitBreaker()
                            .resilience4jConfiguration()
                                .minimumNumberOfCalls(CALLS_TO_OPEN).slidingWindowSize(CALLS_TO_OPEN)
                                .failureRateThreshold(100).waitDurationInOpenState(60)
                            .end()
                            .to("seedream:generate?maxRetries=0")
                        .onFallback()
                            .setBody(constant("fallback"))
                        .end();
            }
        };
    }

    @Test
    void opensWhenTheProviderKeepsFailingAndThenSparesIt() {
        emulator.faults().rate(Fault.HTTP_500, 1.0);

        List<Exchange> results = new ArrayList<>();
        for (int i = 0; i < CALLS_TO_OPEN + 2; i++) {
            results.add(template.request("direct:guarded", e -> e.getIn().setBody("a failing lighthouse")));
        }

        assertThat(results).allSatisfy(result -> {
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody(String.class)).isEqualTo("fallback");
        });
        assertThat(results.subList(CALLS_TO_OPEN, results.size())).allSatisfy(result -> assertThat(
                result.getProperty(CircuitBreakerConstants.RESPONSE_SHORT_CIRCUITED, Boolean.class)).isTrue());
        assertThat(emulator.stats().generationRequests()).as("calls that reached the API").isEqualTo(CALLS_TO_OPEN);
    }
}
