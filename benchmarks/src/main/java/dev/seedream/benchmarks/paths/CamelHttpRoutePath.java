/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import dev.seedream.benchmarks.harness.BlockingCalls;
import dev.seedream.benchmarks.harness.ImagePath;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.concurrent.CompletableFuture;

/**
 * The hand-written Camel route a user would build without our component: set the headers, build the JSON body
 * with Jackson, POST it with camel-http, and decode {@code data[0].b64_json} ({@link HandWrittenJson}). camel-http
 * is a blocking producer, so N exchanges in flight need N caller threads ({@link BlockingCalls}), counted with the
 * path. Its connection pool is sized to the concurrency.
 */
public final class CamelHttpRoutePath implements ImagePath {

    private final CamelContext camel = new DefaultCamelContext();
    private final BlockingCalls callers;
    private final Endpoint entry;
    private final Producer producer;

    public CamelHttpRoutePath(PathSettings settings) {
        HttpComponent http = camel.getComponent("http", HttpComponent.class);
        http.setMaxTotalConnections(Math.max(200, settings.concurrency()));
        http.setConnectionsPerRoute(settings.concurrency());
        String target = settings.generationsUri() + "?throwExceptionOnFailure=false";
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate")
                            .process(exchange -> exchange.getIn().setBody(HandWrittenJson.requestBody(
                                    exchange.getIn().getBody(String.class), settings.size())))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader("Authorization", constant("Bearer " + settings.apiKey()))
                            .to(target)
                            .process(exchange -> exchange.getMessage().setBody(HandWrittenJson.decodeFirstImage(
                                    exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class),
                                    exchange.getMessage().getBody(byte[].class))));
                }
            });
            camel.start();
            entry = camel.getEndpoint("direct:generate");
            producer = entry.createProducer();
            producer.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("Could not start the Camel route", e);
        }
        callers = new BlockingCalls("camel-http-caller", settings.concurrency());
    }

    @Override
    public String name() {
        return "Camel hand-written camel-http route";
    }

    @Override
    public CompletableFuture<Long> generate(String prompt) {
        return callers.submit(this::generateBlocking, prompt);
    }

    private long generateBlocking(String prompt) throws Exception {
        Exchange exchange = entry.createExchange();
        exchange.getIn().setBody(prompt);
        producer.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody(Long.class);
    }

    @Override
    public void close() {
        callers.close();
        producer.stop();
        camel.stop();
    }
}
