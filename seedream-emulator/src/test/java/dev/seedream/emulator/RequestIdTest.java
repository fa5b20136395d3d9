/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.CLIENT_ID_HEADER;
import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code X-Request-Id} (ours, unique, quoted at the end of every error message) and {@code X-Client-Request-Id}
 * (the client's, echoed) on every kind of generation answer. {@link ValidationTest#assertError} checks the same for
 * every error the other tests provoke (the in-flight cap, each validation rule).
 */
class RequestIdTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    static Stream<Arguments> errors() {
        return Stream.of(
                error("401 AuthenticationError", e -> e.configure(c -> c.apiKeys("another-key")), body("ids"), 401),
                error("400 InvalidParameter", e -> { }, body("ids").put("size", "huge"), 400),
                error("404 InvalidEndpointOrModel.NotFound", e -> { }, body("ids").put("model", "nope"), 404),
                error("404 ModelNotOpen", e -> e.configure(c -> c.notOpenModels(Http.MODEL_40)), body("ids"), 404),
                error("429 ModelAccountIpmRateLimitExceeded", e -> {
                    e.configure(c -> c.imagesPerMinute(1));
                    generate(e, body("ids").put("response_format", "url"));
                }, body("ids"), 429),
                fault(Fault.HTTP_500, 500),
                fault(Fault.HTTP_503, 503),
                fault(Fault.HTTP_429, 429),
                fault(Fault.QUOTA_EXCEEDED, 429),
                fault(Fault.SET_LIMIT_EXCEEDED, 429),
                fault(Fault.ERROR_IN_200, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyErrorQuotesOurIdAndEchoesTheClients(String name, Consumer<SeedreamEmulatorExtension> setup,
                                                  ObjectNode body, int status) {
        setup.accept(emu);
        HttpResponse<String> response = generate(emu, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue(CLIENT_ID_HEADER)).isPresent();
        ValidationTest.assertRequestIds(response, json(response).get("error"));
    }

    @Test
    void streamedErrorQuotesOurIdAndEchoesTheClients() {
        emu.faults().schedule(Fault.ERROR_IN_200);
        SseEvents sse = Http.stream(emu, body("ids stream"));
        assertThat(sse.response.headers().firstValue(CLIENT_ID_HEADER)).isPresent();
        ValidationTest.assertRequestIds(sse.response, sse.events.get(0).json().get("error"));
    }

    @Test
    void successesEchoTheClientsIdAndCarryAUniqueOne() {
        Set<String> ours = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = generate(emu, body("ids ok").put("response_format", "url"));
            assertThat(response.headers().firstValue(CLIENT_ID_HEADER))
                    .isEqualTo(response.request().headers().firstValue(CLIENT_ID_HEADER)).isPresent();
            ours.add(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
        }
        SseEvents sse = Http.stream(emu, body("ids ok stream"));
        assertThat(sse.response.headers().firstValue(CLIENT_ID_HEADER)).isPresent()
                .isEqualTo(sse.response.request().headers().firstValue(CLIENT_ID_HEADER));
        ours.add(sse.response.headers().firstValue(RequestIds.HEADER).orElseThrow());
        assertThat(ours).hasSize(4);
    }

    @Test
    void noClientIdNoEcho() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(Http.generations(emu))
                .header("Authorization", "Bearer " + Http.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body("ids none").put("size", "huge").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue(CLIENT_ID_HEADER)).isEmpty();
        JsonNode error = json(response).get("error");
        assertThat(error.get("message").asText())
                .endsWith("Request id: " + response.headers().firstValue(RequestIds.HEADER).orElseThrow());
    }

    private static Arguments error(String name, Consumer<SeedreamEmulatorExtension> setup, ObjectNode body,
                                   int status) {
        return Arguments.of(name, setup, body, status);
    }

    private static Arguments fault(Fault fault, int status) {
        return error(fault.name(), e -> e.faults().schedule(fault), body("ids " + fault), status);
    }
}
