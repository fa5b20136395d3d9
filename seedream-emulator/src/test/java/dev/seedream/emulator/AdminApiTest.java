/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.admin;
import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /__emulator/*}: counters, faults, runtime configuration and reset over HTTP. */
class AdminApiTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void statsReportsCounters() {
        generate(emu, body("counted prompt"));
        generate(emu, body("counted prompt"));
        generate(emu, body("x").put("size", "nonsense"));
        HttpResponse<String> response = admin(emu, "GET", "stats", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = json(response);
        assertThat(stats.get("generationRequests").asLong()).isEqualTo(3);
        assertThat(stats.get("imagesGenerated").asLong()).isEqualTo(2);
        assertThat(stats.get("imagesRendered").asLong()).isEqualTo(1);
        assertThat(stats.get("bytesSent").asLong()).isPositive();
        assertThat(stats.get("inFlight").asInt()).isZero();
        assertThat(stats.at("/requestsByStatus/200").asLong()).isEqualTo(2);
        assertThat(stats.at("/requestsByStatus/400").asLong()).isEqualTo(1);
        assertThat(stats.get("requestsByPrompt").get("counted prompt").asLong()).isEqualTo(2);
        assertThat(stats.get("faultsInjected").size()).isZero();
        assertThat(json(admin(emu, "GET", "stats", null)).get("generationRequests").asLong())
                .as("admin calls are not counted").isEqualTo(3);
    }

    @Test
    void faultsCanBeScheduledAndRatedOverHttp() {
        HttpResponse<String> set = admin(emu, "POST", "faults",
                "{\"schedule\":[\"HTTP_503\",{\"fault\":\"HTTP_429\",\"parameter\":2}]}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("scheduled")).hasSize(2);
        assertThat(generate(emu, body("admin faults")).statusCode()).isEqualTo(503);
        HttpResponse<String> limited = generate(emu, body("admin faults"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        admin(emu, "POST", "faults", "{\"rates\":{\"HTTP_500\":1.0}}");
        assertThat(generate(emu, body("admin faults")).statusCode()).isEqualTo(500);
        assertThat(json(admin(emu, "GET", "stats", null)).at("/faultsInjected/HTTP_500").asLong()).isEqualTo(1);
        admin(emu, "POST", "faults", "{\"clear\":true}");
        assertThat(generate(emu, body("admin faults")).statusCode()).isEqualTo(200);
    }

    @Test
    void badFaultRequestIs400AndChangesNothing() {
        HttpResponse<String> response = admin(emu, "POST", "faults", "{\"schedule\":[\"HTTP_500\",\"NOPE\"]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).contains("NOPE");
        assertThat(emu.faults().scheduled()).isEmpty();
    }

    @Test
    void configChangesLatencyAndLimitsAtRunTime() {
        HttpResponse<String> response = admin(emu, "POST", "config",
                "{\"latency\":\"fixed:400ms\",\"imagesPerMinute\":1,\"urlExpiry\":\"2m\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("latency").asText()).isEqualTo("fixed:400ms");
        assertThat(json(response).get("urlExpiry").asText()).isEqualTo("120000ms");
        long start = System.nanoTime();
        assertThat(generate(emu, body("configured").put("response_format", "url")).statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
        assertThat(generate(emu, body("configured")).statusCode()).isEqualTo(429);
    }

    @Test
    void configRejectsUnknownStartOnlyAndBadValuesAllOrNothing() {
        assertThat(admin(emu, "POST", "config", "{\"colour\":\"red\"}").statusCode()).isEqualTo(400);
        assertThat(admin(emu, "POST", "config", "{\"port\":9999}").statusCode()).isEqualTo(400);
        HttpResponse<String> bad = admin(emu, "POST", "config", "{\"imagesPerMinute\":5,\"latency\":\"soon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/error/code").asText()).isEqualTo("InvalidParameter");
        assertThat(emu.config().imagesPerMinute()).isZero();
        assertThat(json(admin(emu, "GET", "config", null)).get("imagesPerMinute").asInt()).isZero();
    }

    @Test
    void resetZeroesCountersClearsFaultsAndRestoresConfig() {
        generate(emu, body("before reset"));
        emu.faults().schedule(Fault.HTTP_500);
        admin(emu, "POST", "config", "{\"maxInFlight\":3}");
        HttpResponse<String> response = admin(emu, "POST", "reset", null);
        assertThat(response.statusCode()).isEqualTo(200);
        EmulatorStats stats = emu.stats();
        assertThat(stats.generationRequests()).isZero();
        assertThat(stats.requestsForPrompt("before reset")).isZero();
        assertThat(emu.faults().scheduled()).isEmpty();
        assertThat(emu.config().maxInFlight()).isZero();
        assertThat(generate(emu, body("before reset")).statusCode()).isEqualTo(200);
        assertThat(emu.stats().imagesRendered()).as("the cache survives a reset").isZero();
    }

    @Test
    void unknownAdminPathIs404AndWrongMethodIs405() {
        assertThat(admin(emu, "GET", "nothing", null).statusCode()).isEqualTo(404);
        assertThat(admin(emu, "GET", "reset", null).statusCode()).isEqualTo(405);
        assertThat(Http.get(emu.baseUri().resolve("/api/v3/images/generations")).statusCode()).isEqualTo(405);
        assertThat(Http.get(emu.baseUri().resolve("/elsewhere")).statusCode()).isEqualTo(404);
    }
}
