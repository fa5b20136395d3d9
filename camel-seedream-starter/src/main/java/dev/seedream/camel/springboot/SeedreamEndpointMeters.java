/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

import dev.seedream.camel.SeedreamEndpoint;
import dev.seedream.client.ClientMetrics;
import dev.seedream.client.SeedreamClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.Endpoint;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.util.URISupport;

/**
 * Registers each seedream endpoint's meters when Camel adds the endpoint and removes them with it. Tagged by
 * {@code endpoint} (its URI, secrets masked) and {@code model}. Counters read the client's own counters, so nothing is
 * counted twice; {@code seedream.calls.failed} has a series per cause ({@code code}: the provider's error code or the
 * exception's type), registered when the cause first shows; their sum is every failed call.
 */
final class SeedreamEndpointMeters extends LifecycleStrategySupport {

    private final MeterRegistry registry;
    private final Map<SeedreamEndpoint, EndpointMeters> endpoints = new ConcurrentHashMap<>();

    SeedreamEndpointMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEndpointAdd(Endpoint endpoint) {
        if (endpoint instanceof SeedreamEndpoint seedream) {
            endpoints.computeIfAbsent(seedream, EndpointMeters::new);
        }
    }

    @Override
    public void onEndpointRemove(Endpoint endpoint) {
        EndpointMeters meters = endpoints.remove(endpoint);
        if (meters != null) {
            meters.remove();
        }
    }

    /** The meters of one endpoint. */
    private final class EndpointMeters {

        private final SeedreamEndpoint endpoint;
        private final Tags tags;
        private final List<Meter> meters;
        private final Set<String> failureCodes = ConcurrentHashMap.newKeySet();
        private final List<Meter> failureMeters = new CopyOnWriteArrayList<>();

        EndpointMeters(SeedreamEndpoint endpoint) {
            this.endpoint = endpoint;
            this.tags = Tags.of("endpoint", URISupport.sanitizeUri(endpoint.getEndpointUri()), "model", model(endpoint));
            this.meters = List.of(
                    counter("seedream.images.generated", "Images the provider returned (the billed ones)",
                            m -> m.imagesGenerated()),
                    counter("seedream.requests", "HTTP attempts sent, retries included", m -> m.requestsSent()),
                    counter("seedream.retries", "HTTP attempts that were retries", m -> m.retries()),
                    counter("seedream.rate.limited", "Provider 429 answers plus local limit refusals",
                            m -> m.rateLimited()),
                    gauge("seedream.in.flight", "HTTP requests being sent or read", m -> m.inFlight()),
                    gauge("seedream.waiting", "Calls waiting for a request slot or image quota", m -> m.waiting()),
                    counter("seedream.budget.grants", "Images-per-minute budget grants", m -> m.budget().grants()),
                    counter("seedream.budget.images.granted", "Images of all budget grants, fallback included",
                            m -> m.budget().imagesGranted()),
                    counter("seedream.budget.images.given.back", "Granted images handed back unused",
                            m -> m.budget().imagesGivenBack()),
                    counter("seedream.budget.waits", "Callers that found the budget's window full",
                            m -> m.budget().waits()),
                    counter("seedream.budget.fallback.grants", "Grants of a shared budget's local fallback",
                            m -> m.budget().fallbackGrants()),
                    gauge("seedream.budget.fallback.active", "1 while a shared budget is on its fallback",
                            m -> m.budget().fallbackActive() ? 1 : 0));
            current();
        }

        private Meter counter(String name, String description, ToDoubleFunction<ClientMetrics> value) {
            return FunctionCounter.builder(name, this, meters -> value.applyAsDouble(meters.current()))
                    .description(description).tags(tags).register(registry);
        }

        private Meter gauge(String name, String description, ToDoubleFunction<ClientMetrics> value) {
            return Gauge.builder(name, this, meters -> value.applyAsDouble(meters.current()))
                    .description(description).tags(tags).register(registry);
        }

        /**
         * The client's counters now. Micrometer has no hook for series that appear later, so each read of the
         * endpoint's meters (every scrape reads them all) also registers the failure causes seen for the first time.
         */
        private ClientMetrics current() {
            ClientMetrics metrics = metrics(endpoint);
            registerNewFailureCodes(metrics);
            return metrics;
        }

        private void registerNewFailureCodes(ClientMetrics metrics) {
            for (String code : metrics.failuresByCode().keySet()) {
                if (failureCodes.add(code)) {
                    failureMeters.add(FunctionCounter.builder("seedream.calls.failed", endpoint,
                                    e -> metrics(e).failuresByCode().getOrDefault(code, 0L))
                            .description("Calls that ended in an exception, by cause").tags(tags).tag("code", code)
                            .register(registry));
                }
            }
        }

        void remove() {
            meters.forEach(registry::remove);
            failureMeters.forEach(registry::remove);
        }
    }

    private static ClientMetrics metrics(SeedreamEndpoint endpoint) {
        SeedreamClient client = endpoint.getClient();
        return client == null ? ClientMetrics.NONE : client.metrics();
    }

    /** The endpoint's model; else a given client's default, which the endpoint then sends. */
    private static String model(SeedreamEndpoint endpoint) {
        String model = endpoint.getConfiguration().getModel();
        SeedreamClient given = endpoint.getConfiguration().getClient();
        return model != null ? model : given != null ? given.defaultModel() : SeedreamClient.DEFAULT_MODEL;
    }
}
