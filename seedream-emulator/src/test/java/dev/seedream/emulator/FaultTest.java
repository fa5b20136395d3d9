/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each injected fault as a plain JDK client experiences it, plus schedules, rates and fault counters. */
class FaultTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void http500And503AreProviderErrorsAndNothingIsGenerated() {
        emu.faults().schedule(Fault.HTTP_500, Fault.HTTP_503);
        ValidationTest.assertError(generate(emu, body("faulty")), 500, "InternalServiceError", "");
        ValidationTest.assertError(generate(emu, body("faulty")), 503, "ServiceUnavailable", "");
        assertThat(generate(emu, body("faulty")).statusCode()).isEqualTo(200);
        EmulatorStats stats = emu.stats();
        assertThat(stats.faultsInjected(Fault.HTTP_500)).isEqualTo(1);
        assertThat(stats.faultsInjected(Fault.HTTP_503)).isEqualTo(1);
        assertThat(stats.requestsForPrompt("faulty")).isEqualTo(3);
        assertThat(stats.imagesGenerated()).isEqualTo(1);
        assertThat(stats.requestsByStatus()).containsEntry(500, 1L).containsEntry(503, 1L).containsEntry(200, 1L);
    }

    @Test
    void http429CarriesRetryAfter() {
        emu.faults().schedule(FaultSpec.http429(3));
        HttpResponse<String> response = generate(emu, body("overloaded"));
        ValidationTest.assertError(response, 429, "ServerOverloaded", "");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    }

    @Test
    void quotaAndSetLimitAre429sThatNeverCarryRetryAfter() {
        emu.configure(c -> c.retryAfterOn429(true));
        emu.faults().schedule(Fault.QUOTA_EXCEEDED, Fault.SET_LIMIT_EXCEEDED);
        HttpResponse<String> quota = generate(emu, body("no quota"));
        ValidationTest.assertError(quota, 429, "QuotaExceeded", "");
        assertThat(json(quota).at("/error/message").asText()).contains("free trial or plan quota is used up");
        assertThat(json(quota).at("/error/type").asText()).isEqualTo("TooManyRequests");
        assertThat(quota.headers().firstValue("Retry-After")).as("waiting does not help").isEmpty();
        HttpResponse<String> spend = generate(emu, body("no quota"));
        ValidationTest.assertError(spend, 429, "SetLimitExceeded", "");
        assertThat(json(spend).at("/error/message").asText()).contains("spend limit set for this account");
        assertThat(spend.headers().firstValue("Retry-After")).isEmpty();
        EmulatorStats stats = emu.stats();
        assertThat(stats.faultsInjected(Fault.QUOTA_EXCEEDED)).isEqualTo(1);
        assertThat(stats.faultsInjected(Fault.SET_LIMIT_EXCEEDED)).isEqualTo(1);
        assertThat(stats.imagesGenerated()).isZero();
        assertThat(stats.imagesRendered()).isZero();
    }

    @Test
    void errorIn200IsA200WithOnlyATopLevelError() {
        emu.faults().schedule(Fault.ERROR_IN_200);
        HttpResponse<String> response = generate(emu, body("error in 200"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode root = json(response);
        assertThat(root.has("data")).isFalse();
        assertThat(root.at("/error/code").asText()).isEqualTo("InternalServiceError");
        assertThat(root.at("/error/type").asText()).isEqualTo("InternalServerError");
        ValidationTest.assertRequestIds(response, root.get("error"));
        EmulatorStats stats = emu.stats();
        assertThat(stats.requestsWithStatus(200)).isEqualTo(1);
        assertThat(stats.imagesGenerated()).isZero();
        assertThat(stats.imagesRendered()).isZero();
    }

    @Test
    void errorIn200OnAStreamIsOneErrorEventThenACleanEnd() {
        emu.faults().schedule(Fault.ERROR_IN_200);
        SseEvents sse = Http.stream(emu, GroupAndStreamTest.group("error in stream", 3));
        assertThat(sse.failure).isNull();
        assertThat(sse.response.statusCode()).isEqualTo(200);
        assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(sse.events).hasSize(1);
        JsonNode event = sse.events.get(0).json();
        assertThat(event.at("/error/code").asText()).isEqualTo("InternalServiceError");
        assertThat(event.has("type")).as("not an image_generation event").isFalse();
        ValidationTest.assertRequestIds(sse.response, event.get("error"));
        assertThat(emu.stats().imagesGenerated()).isZero();
        assertThat(generate(emu, body("after the error event")).statusCode()).isEqualTo(200);
    }

    @Test
    void newFaultsWorkByRateByAdminAndFromTheCommandLine() {
        emu.faults().rate(Fault.ERROR_IN_200, 1.0);
        assertThat(json(generate(emu, body("rated"))).at("/error/code").asText()).isEqualTo("InternalServiceError");
        emu.faults().clear();
        Http.admin(emu, "POST", "faults", "{\"schedule\":[\"SET_LIMIT_EXCEEDED\"],\"rates\":{\"QUOTA_EXCEEDED\":1}}");
        assertThat(json(generate(emu, body("admin"))).at("/error/code").asText()).isEqualTo("SetLimitExceeded");
        assertThat(json(generate(emu, body("admin"))).at("/error/code").asText()).isEqualTo("QuotaExceeded");
        EmulatorConfig cli = CommandLine.parse("--fault-rate", "quota_exceeded=1.0").config();
        try (SeedreamEmulator fromCli = SeedreamEmulator.start(cli.toBuilder().port(0).build())) {
            ValidationTest.assertError(generate(fromCli, body("cli")), 429, "QuotaExceeded", "");
        }
    }

    @Test
    void resetBeforeResponseIsAnIoException() {
        emu.faults().schedule(Fault.RESET_BEFORE_RESPONSE);
        assertThatThrownBy(() -> generate(emu, body("reset early"))).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(emu.stats().faultsInjected(Fault.RESET_BEFORE_RESPONSE)).isEqualTo(1);
        assertThat(emu.stats().imagesGenerated()).isZero();
    }

    @Test
    void resetMidBodyIsAnIoExceptionAfterHeaders() {
        emu.faults().schedule(Fault.RESET_MID_BODY);
        assertThatThrownBy(() -> generate(emu, body("reset mid body"))).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        EmulatorStats stats = emu.stats();
        assertThat(stats.requestsWithStatus(200)).isEqualTo(1);
        assertThat(stats.imagesGenerated()).as("generated and billed, then lost on the wire").isEqualTo(1);
        assertThat(stats.bytesSent()).isPositive();
    }

    @Test
    void truncatedJsonIsA200WithAnIncompleteBody() {
        emu.faults().schedule(Fault.TRUNCATED_JSON);
        HttpResponse<String> response = generate(emu, body("truncated"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"model\":");
        assertThatThrownBy(() -> Http.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
        String complete = withoutCreated(generate(emu, body("truncated")).body());
        String truncated = withoutCreated(response.body());
        assertThat(complete).startsWith(truncated);
        assertThat(truncated.length()).isLessThan(complete.length());
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() {
        emu.faults().schedule(Fault.MALFORMED_JSON, Fault.MALFORMED_JSON);
        HttpResponse<String> response = generate(emu, body("malformed"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThatThrownBy(() -> Http.JSON.readTree(response.body())).isInstanceOf(JsonProcessingException.class);
        HttpResponse<String> small = generate(emu, body("malformed").put("response_format", "url"));
        assertThatThrownBy(() -> Http.JSON.readTree(small.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void stallNeverAnswersUntilTheClientGivesUp() {
        emu.faults().schedule(Fault.STALL);
        HttpClient client = Http.newClient();
        HttpRequest request = Http.generationRequest(emu, body("stalled").toString())
                .timeout(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(emu.stats().faultsInjected(Fault.STALL)).isEqualTo(1);
        awaitInFlight(0);
    }

    @Test
    void sseCutClosesTheStreamAfterKEvents() {
        emu.faults().schedule(FaultSpec.sseCutAfter(2));
        SseEvents sse = Http.stream(emu, GroupAndStreamTest.group("cut stream", 4));
        assertThat(sse.names()).containsExactly(ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.PARTIAL_SUCCEEDED);
        assertThat(sse.failure).as("a chunked body that ends without its last chunk").isNotNull();
        assertThat(emu.stats().faultsInjected(Fault.SSE_CUT)).isEqualTo(1);
    }

    @Test
    void sseCutIsUsedUpWithoutEffectOnANonStreamRequest() {
        emu.faults().schedule(FaultSpec.sseCutAfter(0));
        assertThat(generate(emu, body("not a stream")).statusCode()).isEqualTo(200);
        assertThat(emu.faults().scheduled()).isEmpty();
    }

    @Test
    void streamResetMidBodyAndMalformedEvent() {
        emu.faults().schedule(Fault.RESET_MID_BODY, Fault.MALFORMED_JSON);
        SseEvents reset = Http.stream(emu, GroupAndStreamTest.group("stream faults", 2));
        assertThat(reset.failure).isNotNull();
        assertThat(reset.events).isEmpty();
        SseEvents malformed = Http.stream(emu, GroupAndStreamTest.group("stream faults", 2));
        assertThat(malformed.failure).isNull();
        assertThatThrownBy(() -> malformed.events.get(0).json()).isInstanceOf(UncheckedIOException.class);
        assertThat(malformed.names()).endsWith(ResponseBodies.PARTIAL_SUCCEEDED, ResponseBodies.COMPLETED, "[DONE]");
    }

    @Test
    void rateOneHitsEveryGenerationButNeverAdminOrFiles() {
        HttpResponse<String> ok = generate(emu, body("file before faults").put("response_format", "url"));
        String url = json(ok).at("/data/0/url").asText();
        emu.faults().rate(Fault.HTTP_500, 1.0);
        for (int i = 0; i < 3; i++) {
            assertThat(generate(emu, body("always failing")).statusCode()).isEqualTo(500);
        }
        assertThat(Http.get(java.net.URI.create(url)).statusCode()).isEqualTo(200);
        assertThat(Http.admin(emu, "GET", "stats", null).statusCode()).isEqualTo(200);
        assertThat(emu.stats().faultsInjected(Fault.HTTP_500)).isEqualTo(3);
        emu.faults().clear();
        assertThat(generate(emu, body("always failing")).statusCode()).isEqualTo(200);
    }

    @Test
    void seededRatesAreReproducible() {
        EmulatorConfig config = EmulatorConfig.builder().faultSeed(42).faultRate(Fault.HTTP_503, 0.5).build();
        assertThat(statusSequence(config)).isEqualTo(statusSequence(config)).contains(200, 503);
    }

    private static java.util.List<Integer> statusSequence(EmulatorConfig config) {
        try (SeedreamEmulator seeded = SeedreamEmulator.start(config)) {
            return java.util.stream.IntStream.range(0, 12)
                    .mapToObj(i -> generate(seeded, body("seeded").put("response_format", "url")).statusCode())
                    .toList();
        }
    }

    /** The two bodies may straddle a second boundary. */
    private static String withoutCreated(String body) {
        return body.replaceFirst("\"created\":\\d+", "\"created\":0");
    }

    static void awaitInFlight(int expected) {
        awaitInFlightOf(emu, expected);
    }

    /** Polls, because the server notices a client's close asynchronously. */
    static void awaitInFlightOf(SeedreamEmulatorExtension emulator, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (emulator.stats().inFlight() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(emulator.stats().inFlight()).isEqualTo(expected);
    }
}
