/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.Latency;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedreamBackpressureTest extends SeedreamTestSupport {

    @BeforeEach
    void aProviderThatTakesTwoRequestsAtOnce() {
        emulator.configure(config -> config.maxInFlight(2).latency(Latency.fixed(Duration.ofMillis(150))));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bounded").to("seedream:generate?maxConcurrentRequests=2&maxRetries=0")
                        .setHeader("continuedOn", simple("${threadName}"));
                from("direct:unbounded").to("seedream:generate?maxRetries=0");
            }
        };
    }

    private List<Exchange> sendConcurrently(String uri, int count) {
        List<CompletableFuture<Exchange>> calls = IntStream.range(0, count)
                .mapToObj(i -> template.asyncSend(uri, e -> e.getIn().setBody("frame " + i))).toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void extraExchangesWaitForARequestSlotInsteadOfOverrunningTheProvider() {
        List<Exchange> results = sendConcurrently("direct:bounded", 8);

        assertThat(results).allSatisfy(result -> assertThat(result.getException()).isNull());
        assertThat(emulator.stats().requestsWithStatus(429)).isZero();
        assertThat(emulator.stats().generationRequests()).isEqualTo(8);
        // The route continued on a completion thread: no route thread was held while the request was out.
        assertThat(results).allSatisfy(result -> assertThat(result.getMessage().getHeader("continuedOn", String.class))
                .contains("SeedreamCompletion"));
    }

    @Test
    void withoutTheLimitTheSameLoadIsRefusedByTheProvider() {
        List<Exchange> results = sendConcurrently("direct:unbounded", 8);

        assertThat(emulator.stats().requestsWithStatus(429)).isPositive();
        assertThat(results).anySatisfy(result ->
                assertThat(result.getException()).isInstanceOf(SeedreamRateLimitException.class));
    }
}
