/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamStreamInterruptedException;
import dev.seedream.emulator.FaultSpec;
import dev.seedream.emulator.Latency;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedreamStreamingTest extends SeedreamTestSupport {

    private final List<Integer> inFlightAtArrival = new CopyOnWriteArrayList<>();

    @BeforeEach
    void slowImages() {
        emulator.configure(config -> config.latency(Latency.fixed(Duration.ofMillis(300))));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream")
                        .to("seedream:generate?stream=true&maxImages=3")
                        .split(body()).streaming()
                            .process(e -> inFlightAtArrival.add(emulator.stats().inFlight()))
                            .to("mock:image")
                        .end()
                        .to("mock:done");
            }
        };
    }

    @Test
    void eachImageReachesTheRouteWhileTheRestOfTheGroupIsStillBeingGenerated() throws Exception {
        MockEndpoint images = getMockEndpoint("mock:image");
        images.expectedMessageCount(3);
        images.expectedHeaderValuesReceivedInAnyOrder(SeedreamConstants.IMAGE_INDEX, 0, 1, 2);
        images.allMessages().header(SeedreamConstants.MIME_TYPE).isEqualTo("image/jpeg");
        images.allMessages().header(Exchange.CONTENT_TYPE).isEqualTo("image/jpeg");
        images.allMessages().header("upstream").isEqualTo("kept");

        Exchange result = template.request("direct:stream", e -> {
            e.getIn().setBody("a storyboard of three scenes");
            e.getIn().setHeader("upstream", "kept");
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        });

        assertThat(result.getException()).isNull();
        images.assertIsSatisfied();
        assertThat(images.getExchanges()).allSatisfy(e -> assertThat(isJpeg(e.getIn().getBody(byte[].class))).isTrue());
        // The first image was routed while the provider call was still open: the group was not yet complete.
        assertThat(inFlightAtArrival.get(0)).isEqualTo(1);
    }

    @Test
    void aStreamCutAfterTheFirstImageFailsTheSplitWithTheClientsException() throws Exception {
        emulator.faults().schedule(FaultSpec.sseCutAfter(1));
        getMockEndpoint("mock:image").expectedMessageCount(1);
        getMockEndpoint("mock:done").expectedMessageCount(0);

        Exchange result = template.request("direct:stream", e -> e.getIn().setBody("a storyboard cut short"));

        assertThat(result.getException()).isInstanceOf(SeedreamStreamInterruptedException.class);
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aRejectionBeforeAnyImageFailsTheExchangeItself() throws Exception {
        getMockEndpoint("mock:image").expectedMessageCount(0);

        Exchange result = template.request("direct:stream", e -> e.getIn().setBody("something forbidden"));

        assertThat(result.getException()).isInstanceOf(SeedreamContentPolicyException.class);
        MockEndpoint.assertIsSatisfied(context);
    }
}
