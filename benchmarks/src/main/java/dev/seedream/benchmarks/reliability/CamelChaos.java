/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.benchmarks.reliability.Outcomes.Route;
import dev.seedream.camel.SeedreamComponent;
import dev.seedream.camel.SeedreamConfiguration;
import dev.seedream.camel.SeedreamConstants;
import dev.seedream.camel.SeedreamEndpoint;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Chaos through the Camel component: {@code direct:chaos → seedream:generate → success}, with an
 * {@code onException} failure route. An input (an exchange, identified by a header) ends in exactly one of them.
 */

public final class CamelChaos {

    private static final String INPUT = "chaosInput";

    private CamelChaos() {
    }

    public static ChaosReport run(ChaosEnvironment environment, int count) throws Exception {
        environment.reset();
        Outcomes outcomes = new Outcomes(ChaosEnvironment.inputs("camel", count));
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        List<String> texts = Collections.synchronizedList(new ArrayList<>());
        int baseline = ChaosEnvironment.liveThreads();
        long clientAttempts;
        try (LogCapture logs = LogCapture.start()) {
            CamelContext camel = new DefaultCamelContext();
            try {
                configure(camel, environment);
                camel.addRoutes(routes(outcomes, attempts, texts));
                camel.start();
                send(camel, outcomes);
                SeedreamEndpoint endpoint = camel.getEndpoints().stream().filter(SeedreamEndpoint.class::isInstance)
                        .map(SeedreamEndpoint.class::cast).findFirst().orElseThrow();
                clientAttempts = endpoint.getClient().metrics().requestsSent();
                texts.add(endpoint.getClient().toString());
            } finally {
                camel.stop();
            }
            texts.add(logs.text());
            List<String> problems = environment.check("camel", outcomes, clientAttempts, attempts, baseline, texts);
            return new ChaosReport("camel", count, outcomes.count(Route.SUCCESS), outcomes.count(Route.FAILURE), 0,
                    environment.emulator().stats().generationRequests(), clientAttempts,
                    environment.emulator().stats().faultsInjected(), logs.lines(), problems);
        }
    }

    private static void configure(CamelContext camel, ChaosEnvironment environment) {
        SeedreamConfiguration defaults = camel.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(environment.emulator().baseUri().toString());
        defaults.setApiKey(ChaosEnvironment.SECRET);
        defaults.setSize(ChaosEnvironment.SIZE);
        defaults.setImagesPerMinute(0);
        defaults.setMaxConcurrentRequests(ClientChaos.IN_FLIGHT);
        defaults.setRequestTimeout(ClientChaos.TIMEOUT.toMillis());
        defaults.setReadTimeout(ClientChaos.TIMEOUT.toMillis());
        defaults.setRetryPolicy(ClientChaos.RETRIES);
    }

    private static RouteBuilder routes(Outcomes outcomes, Map<String, Integer> attempts, List<String> texts) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(exchange -> {
                    Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    texts.add(String.valueOf(error));
                    outcomes.ended(exchange.getIn().getHeader(INPUT, String.class), Route.FAILURE);
                });
                from("direct:chaos").to("seedream:generate").process(exchange -> {
                    String input = exchange.getIn().getHeader(INPUT, String.class);
                    if (exchange.getIn().getBody(byte[].class).length > 0) {
                        outcomes.image(input);
                    }
                    attempts.put(input, exchange.getIn().getHeader(SeedreamConstants.ATTEMPTS, Integer.class));
                    outcomes.ended(input, Route.SUCCESS);
                });
            }
        };
    }

    /** Sends every input with at most 16 exchanges in flight, through the asynchronous producer. */
    private static void send(CamelContext camel, Outcomes outcomes) throws Exception {
        Endpoint entry = camel.getEndpoint("direct:chaos");
        AsyncProducer producer = entry.createAsyncProducer();
        producer.start();
        Semaphore inFlight = new Semaphore(ClientChaos.IN_FLIGHT);
        for (String input : outcomes.inputs()) {
            inFlight.acquire();
            Exchange exchange = entry.createExchange();
            exchange.getIn().setHeader(INPUT, input);
            exchange.getIn().setBody(input);
            producer.processAsync(exchange).whenComplete((done, error) -> inFlight.release());
        }
        if (!inFlight.tryAcquire(ClientChaos.IN_FLIGHT, 5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("exchanges still running after 5 minutes");
        }
        producer.stop();
    }
}
