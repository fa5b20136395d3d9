/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import dev.seedream.client.SeedreamAuthenticationException;
import dev.seedream.client.SeedreamMalformedResponseException;
import dev.seedream.emulator.junit.HostileServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's guarantees against a hostile server hold through the component: no hang, bounded memory, no key. */
class SeedreamHostileServerTest extends SeedreamTestSupport {

    private static final String KEY = "sk-camel-hostile-77aa";

    private static final HostileServer server = HostileServer.start("127.0.0.1");

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:hostile").to("seedream:generate?maxRetries=0&maxImageBytes=4194304&apiKey=RAW(" + KEY
                        + ")&baseUrl=" + server.baseUri() + "/api/v3");
            }
        };
    }

    private Exchange send(String prompt) {
        return template.asyncSend("direct:hostile", e -> e.getIn().setBody(prompt)).orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    @Test
    void aBrokenCreatedTimeFailsTheExchangeInsteadOfHangingIt() {
        server.then(HostileServer.json(200, "{\"created\":9223372036854775807,\"data\":[]}"));

        assertThat(send("huge created").getException()).isInstanceOf(SeedreamMalformedResponseException.class);
    }

    @Test
    void anOversizedInlineImageFailsAtTheConfiguredCap() {
        server.then(HostileServer.generated(200, "application/json", "{\"data\":[{\"b64_json\":\"", (byte) 'Q',
                100L * 1024 * 1024, "\"}]}"));

        assertThat(send("too big").getException()).isInstanceOf(SeedreamMalformedResponseException.class)
                .hasMessageContaining("largest image size of 4194304 bytes");
    }

    @Test
    void anEchoedKeyReachesNeitherTheExceptionNorTheHeaders() {
        server.then(HostileServer.json(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"Bearer "
                + KEY + " rejected\"}}").withHeader("X-Request-Id", KEY));

        Exchange result = send("echo");

        StringWriter trace = new StringWriter();
        result.getException().printStackTrace(new PrintWriter(trace));
        assertThat(result.getException()).isInstanceOf(SeedreamAuthenticationException.class);
        assertThat(trace.toString() + result.getMessage().getHeaders()).doesNotContain(KEY).contains("****");
    }
}
