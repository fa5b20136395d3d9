/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.seedream.client.ConnectionCheck;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.util.URISupport;

/**
 * The producer health check of one endpoint, in Camel's {@code producers} repository (so opt-in, with
 * {@code camel.health.producers-enabled=true}, as for Camel's own components). DOWN when the provider rejects the key
 * or does not know the model, or cannot be reached; DOWN while a Redis budget with {@code budgetFallback=FAIL} is on
 * its fallback (calls fail then); UP otherwise, with the local share of a budget on its fallback reported in the
 * details.
 * <p>
 * The key is checked by the client's {@linkplain SeedreamClient#checkConnection() connection check}, which bills no
 * image but is a request to the provider: its verdict is kept for {@link #KEY_CHECK_INTERVAL}, so a platform that
 * polls health every few seconds sends at most one such request a minute per endpoint.
 */
final class SeedreamHealthCheck implements HealthCheck {

    static final Duration KEY_CHECK_INTERVAL = Duration.ofMinutes(1);
    private static final Duration KEY_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final SeedreamEndpoint endpoint;
    private final String id;
    /** The endpoint's URI with its secrets masked, as Camel logs it. */
    private final String uri;
    private volatile boolean enabled = true;
    private ConnectionCheck lastKeyCheck;
    private long lastKeyCheckNanos;

    SeedreamHealthCheck(SeedreamEndpoint endpoint) {
        this.endpoint = endpoint;
        this.uri = URISupport.sanitizeUri(endpoint.getEndpointUri());
        this.id = "producer:seedream-" + uri;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isLiveness() {
        return false; // a rejected key or an unreachable provider is no reason to restart the application
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this).detail(ENDPOINT_URI, uri);
        SeedreamClient client = endpoint.getClient();
        if (client == null) {
            return result.unknown().message("The endpoint is not started").build();
        }
        String model = endpoint.getConfiguration().getModel() != null ? endpoint.getConfiguration().getModel()
                : client.defaultModel();
        result.detail("seedream.baseUrl", client.baseUrl()).detail("seedream.model", model);
        ConnectionCheck keyCheck = keyCheck(client, model);
        // Spring Boot's actuator shows a check's details, not its message.
        result.detail("seedream.keyCheck", keyCheck.status().name())
                .detail("seedream.keyCheck.message", keyCheck.message());
        if (!keyCheck.passed()) {
            return result.down().message(keyCheck.message()).build();
        }
        ImageBudget.Metrics budget = client.metrics().budget();
        result.detail("seedream.budget.fallbackActive", budget.fallbackActive());
        if (budget.fallbackActive() && endpoint.getConfiguration().failsWithoutBudget()) {
            return result.down().message("The Redis images-per-minute budget cannot be reached and budgetFallback is"
                    + " FAIL: calls fail until it is back (" + keyCheck.message() + ")").build();
        }
        if (budget.fallbackActive()) {
            return result.up().message("The Redis images-per-minute budget cannot be reached: this pod generates"
                    + " within its local share of the limit until it is back (" + keyCheck.message() + ")").build();
        }
        return result.up().message(keyCheck.message()).build();
    }

    /** The last verdict while it is fresh, else a new one; health calls come one at a time per check. */
    private synchronized ConnectionCheck keyCheck(SeedreamClient client, String model) {
        long now = System.nanoTime();
        if (lastKeyCheck == null || now - lastKeyCheckNanos >= KEY_CHECK_INTERVAL.toNanos()) {
            lastKeyCheck = runKeyCheck(client, model);
            lastKeyCheckNanos = now;
        }
        return lastKeyCheck;
    }

    private static ConnectionCheck runKeyCheck(SeedreamClient client, String model) {
        CompletableFuture<ConnectionCheck> check = client.checkConnection(model);
        try {
            return check.get(KEY_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true); // ends the exchange too
            return new ConnectionCheck(ConnectionCheck.Status.FAILED, client.baseUrl() + " did not answer the key check"
                    + " within " + KEY_CHECK_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionCheck(ConnectionCheck.Status.FAILED, "Interrupted while checking " + client.baseUrl());
        } catch (Exception e) {
            return new ConnectionCheck(ConnectionCheck.Status.FAILED, "Could not verify " + client.baseUrl() + ": "
                    + SeedreamException.unwrap(e).getMessage());
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
