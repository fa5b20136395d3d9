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

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No public source shows the real service sending {@code Retry-After}, so the emulator's 429s carry none unless
 * {@code retryAfterOn429} is on — except an {@code HTTP_429} fault whose parameter the test gave explicitly.
 */
class RetryAfterTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void offByDefaultOnEveryEmulated429() {
        assertThat(emu.config().retryAfterOn429()).isFalse();
        emu.configure(c -> c.imagesPerMinute(1));
        assertThat(generate(emu, body("ipm").put("response_format", "url")).statusCode()).isEqualTo(200);
        HttpResponse<String> ipm = generate(emu, body("ipm"));
        ValidationTest.assertError(ipm, 429, "ModelAccountIpmRateLimitExceeded", "");
        assertThat(ipm.headers().firstValue("Retry-After")).isEmpty();

        emu.configure(c -> c.imagesPerMinute(0));
        emu.faults().schedule(Fault.HTTP_429);
        emu.faults().schedule(FaultSpec.of(Fault.HTTP_429));
        admin(emu, "POST", "faults", "{\"schedule\":[\"HTTP_429\",{\"fault\":\"HTTP_429\"}]}");
        for (int i = 0; i < 4; i++) {
            assertThat(retryAfterOfInjected429()).as("scheduled HTTP_429 #%d", i).isEmpty();
        }
        emu.faults().rate(Fault.HTTP_429, 1.0);
        assertThat(retryAfterOfInjected429()).as("rate-drawn").isEmpty();
    }

    @Test
    void anExplicitParameterAlwaysSendsRetryAfter() {
        emu.faults().schedule(FaultSpec.http429(3), FaultSpec.http429(0), new FaultSpec(Fault.HTTP_429, 7));
        assertThat(retryAfterOfInjected429()).hasValue("3");
        assertThat(retryAfterOfInjected429()).hasValue("0");
        assertThat(retryAfterOfInjected429()).hasValue("7");
        HttpResponse<String> state = admin(emu, "POST", "faults",
                "{\"schedule\":[{\"fault\":\"HTTP_429\",\"parameter\":5},\"HTTP_429\"]}");
        assertThat(json(state).at("/scheduled/0/parameter").asInt()).isEqualTo(5);
        assertThat(json(state).at("/scheduled/1").has("parameter")).as("no explicit parameter").isFalse();
        assertThat(retryAfterOfInjected429()).hasValue("5");
        assertThat(retryAfterOfInjected429()).isEmpty();
    }

    @Test
    void onSendsRetryAfterOnEvery429() {
        emu.configure(c -> c.retryAfterOn429(true).imagesPerMinute(1));
        assertThat(generate(emu, body("ipm on").put("response_format", "url")).statusCode()).isEqualTo(200);
        HttpResponse<String> ipm = generate(emu, body("ipm on"));
        ValidationTest.assertError(ipm, 429, "ModelAccountIpmRateLimitExceeded", "");
        assertThat(Integer.parseInt(ipm.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);

        emu.configure(c -> c.imagesPerMinute(0).maxInFlight(1).latency(Latency.fixed(Duration.ofMillis(600))));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> generate(emu, body("holds the slot").put("response_format", "url")));
        FaultTest.awaitInFlightOf(emu, 1);
        HttpResponse<String> inFlight = generate(emu, body("in flight on"));
        ValidationTest.assertError(inFlight, 429, "InflightBatchsizeExceeded", "");
        assertThat(inFlight.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(slow.join().statusCode()).isEqualTo(200);
        FaultTest.awaitInFlightOf(emu, 0);

        emu.faults().schedule(Fault.HTTP_429);
        assertThat(retryAfterOfInjected429()).hasValue("1");
    }

    @Test
    void settingChangesByAdminAndCommandLine() {
        HttpResponse<String> set = admin(emu, "POST", "config", "{\"retryAfterOn429\":true}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set).get("retryAfterOn429").asBoolean()).isTrue();
        emu.faults().schedule(Fault.HTTP_429);
        assertThat(retryAfterOfInjected429()).hasValue("1");
        assertThat(admin(emu, "POST", "config", "{\"retryAfterOn429\":\"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(CommandLine.parse("--retry-after-on-429", "true").config().retryAfterOn429()).isTrue();
        assertThat(CommandLine.parse("--retry-after-on-429=false").config().retryAfterOn429()).isFalse();
    }

    private static Optional<String> retryAfterOfInjected429() {
        HttpResponse<String> response = generate(emu, body("injected 429"));
        ValidationTest.assertError(response, 429, "ServerOverloaded", "");
        return response.headers().firstValue("Retry-After");
    }
}
