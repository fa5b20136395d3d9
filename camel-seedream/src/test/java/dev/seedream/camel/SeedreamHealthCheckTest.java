/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.Collection;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's producer health check in Camel's health-check registry (camel-health), as Camel Main, Spring Boot's
 * actuator and Quarkus read it: opt-in like Camel's own producer checks, DOWN on a rejected key without an image
 * billed, and the state of a Redis budget that cannot be reached.
 */
class SeedreamHealthCheckTest extends SeedreamTestSupport {

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    private void route(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id).to(uri);
            }
        });
    }

    private void enableProducerChecks() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        assertThat(producers).as("camel-health's producers repository").isNotNull();
        producers.setEnabled(true); // what camel.health.producers-enabled=true does
    }

    private Optional<HealthCheck.Result> seedreamCheck() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(result -> result.getCheck().getId().startsWith("producer:seedream-"))
                .findFirst();
    }

    @Test
    void producerChecksAreOptInAsForCamelsOwnComponents() throws Exception {
        route("plain", "seedream:generate");

        assertThat(seedreamCheck()).isEmpty();
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void theComponentCanSwitchItsChecksOffWhileProducerChecksAreOn() throws Exception {
        context.getComponent("seedream", SeedreamComponent.class).setHealthCheckProducerEnabled(false);
        route("switchedOff", "seedream:generate");
        enableProducerChecks();

        assertThat(seedreamCheck()).isEmpty();
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void anAcceptedKeyIsUpWithoutAnImageAndTheVerdictIsKeptForAMinute() throws Exception {
        route("accepted", "seedream:generate?model=seedream-4-5-251128");
        enableProducerChecks();

        HealthCheck.Result first = seedreamCheck().orElseThrow();
        HealthCheck.Result second = seedreamCheck().orElseThrow();

        assertThat(first.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(first.getCheck().getId()).isEqualTo("producer:seedream-seedream://generate?model=seedream-4-5-251128");
        assertThat(emulator.takeRequest().json().path("model").asText()).as("the route's model is checked")
                .isEqualTo("seedream-4-5-251128");
        assertThat(first.getDetails()).containsEntry("seedream.keyCheck", "KEY_ACCEPTED")
                .containsEntry("seedream.model", "seedream-4-5-251128")
                .containsEntry("seedream.baseUrl", emulator.baseUri().toString())
                .containsEntry("seedream.budget.fallbackActive", false);
        assertThat(second.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(emulator.stats().generationRequests()).as("one probe, then the kept verdict").isEqualTo(1);
        assertThat(emulator.stats().imagesGenerated()).isZero();
    }

    @Test
    void aRejectedKeyIsDownAndTheMessageNeverShowsTheKey() throws Exception {
        String wrongKey = "sk-rejected-0123456789";
        route("rejected", "seedream:generate?apiKey=" + wrongKey);
        enableProducerChecks();

        HealthCheck.Result result = seedreamCheck().orElseThrow();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(message ->
                assertThat(message).contains("API key was rejected").doesNotContain(wrongKey));
        assertThat(result.getDetails()).containsEntry("seedream.keyCheck", "KEY_REJECTED");
        assertThat(result.getDetails().values()).noneMatch(value -> String.valueOf(value).contains(wrongKey));
        assertThat(result.getCheck().getId()).doesNotContain(wrongKey);
    }

    @Test
    void aRedisBudgetOnItsLocalShareStaysUpAndSaysSo() throws Exception {
        route("localShare", "seedream:generate?budgetRedisUri=" + redis.server().uri() + "&budgetKey=health-"
                + System.nanoTime() + "&imagesPerMinute=100&budgetTimeout=200");
        enableProducerChecks();
        redis.server().pause();
        try {
            assertThat(generate("localShare").getException()).isNull();

            HealthCheck.Result result = seedreamCheck().orElseThrow();

            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("seedream.budget.fallbackActive", true);
            assertThat(result.getMessage()).hasValueSatisfying(message ->
                    assertThat(message).contains("local share"));
        } finally {
            redis.server().resume();
        }
    }

    @Test
    void aRedisBudgetThatFailsWithoutRedisIsDown() throws Exception {
        route("fail", "seedream:generate?budgetRedisUri=" + redis.server().uri() + "&budgetKey=health-"
                + System.nanoTime() + "&imagesPerMinute=100&budgetTimeout=200&budgetFallback=FAIL&maxRetries=0");
        enableProducerChecks();
        redis.server().pause();
        try {
            assertThat(generate("fail").getException()).isNotNull();

            HealthCheck.Result result = seedreamCheck().orElseThrow();

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(message ->
                    assertThat(message).contains("budgetFallback is FAIL"));
        } finally {
            redis.server().resume();
        }
    }

    private Exchange generate(String id) {
        return template.request("direct:" + id, e -> e.getIn().setBody("a lighthouse"));
    }
}
