/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proxy options: the emulator stands in for the forward proxy and counts requests that came in proxy form; the
 * base URL names a reserved host ({@code .invalid}) that is never looked up.
 */
class SeedreamProxyTest extends SeedreamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:proxied").to("seedream:generate?baseUrl=http://seedream.invalid/api/v3"
                        + "&proxyHost=127.0.0.1&proxyPort=" + emulator.port()
                        + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(proxy-pw)&responseFormat=url");
            }
        };
    }

    @Test
    void callsTheApiAndDownloadsTheImageThroughTheProxy() {
        Exchange result = template.request("direct:proxied", e -> e.getIn().setBody("a ferry through a proxy"));

        assertThat(result.getException()).isNull();
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).isTrue();
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_URL, String.class))
                .startsWith("http://seedream.invalid/");
        assertThat(emulator.stats().proxiedRequests()).isEqualTo(1);
    }

    @Test
    void anIncompleteProxySettingIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("seedream:generate?proxyHost=127.0.0.1"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("proxy port must be 1-65535, got 0")
                .hasMessageContaining("proxyPort");
        assertThatThrownBy(() -> context.getEndpoint("seedream:generate?proxyHost=127.0.0.1&proxyPort=3128"
                + "&proxyAuthUsername=someone"))
                .hasRootCauseMessage("proxy user and password must be given together");
        assertThatThrownBy(() -> context.getEndpoint("seedream:generate?proxyPort=3128"))
                .hasRootCauseMessage("proxy host must not be blank");
        assertThat(emulator.stats().generationRequests()).isZero();
    }
}
