/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import dev.seedream.benchmarks.harness.ImagePath;
import dev.seedream.camel.SeedreamComponent;
import dev.seedream.camel.SeedreamConfiguration;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Our Camel component: {@code direct:generate → seedream:generate}, the prompt as the String body, the image as
 * the {@code byte[]} body. Exchanges are sent with {@link AsyncProducer#processAsync}, so the asynchronous
 * producer needs no caller thread per exchange in flight.
 */
public final class CamelSeedreamPath implements ImagePath {

    private final CamelContext camel = new DefaultCamelContext();
    private final Endpoint entry;
    private final AsyncProducer producer;

    public CamelSeedreamPath(PathSettings settings) {
        SeedreamConfiguration defaults = camel.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(settings.baseUri().toString());
        defaults.setApiKey(settings.apiKey());
        defaults.setSize(settings.size());
        defaults.setImagesPerMinute(0);
        defaults.setMaxConcurrentRequests(settings.concurrency());
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:generate").to("seedream:generate");
                }
            });
            camel.start();
            entry = camel.getEndpoint("direct:generate");
            producer = entry.createAsyncProducer();
            producer.start();
        } catch (Exception e) {
            camel.stop();
            throw new IllegalStateException("Could not start the Camel route", e);
        }
    }

    @Override
    public String name() {
        return "Camel seedream: component";
    }

    @Override
    public CompletableFuture<Long> generate(String prompt) {
        Exchange exchange = entry.createExchange();
        exchange.getIn().setBody(prompt);
        return producer.processAsync(exchange).thenApply(CamelSeedreamPath::imageBytes);
    }

    static long imageBytes(Exchange done) {
        if (done.getException() != null) {
            throw new CompletionException(done.getException());
        }
        return done.getMessage().getBody(byte[].class).length;
    }

    @Override
    public void close() {
        producer.stop();
        camel.stop();
    }
}
