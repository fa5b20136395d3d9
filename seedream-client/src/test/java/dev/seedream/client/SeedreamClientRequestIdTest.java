/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.Fault;
import dev.seedream.emulator.junit.HostileServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Request ids: what the client sends and which id it surfaces. The emulator always sends its own id, so the paths
 * where the provider sends none are played by a small loopback server that records each request's headers.
 */
class SeedreamClientRequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    private final HostileServer server = HostileServer.start("127.0.0.1");

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SeedreamClient recordedClient(int retries) {
        return EmulatorClients.builder(server).maxRetries(retries).build();
    }

    private List<String> sentIds() {
        return server.requests().stream().map(request -> request.header("X-Client-Request-Id")).toList();
    }

    @Test
    void everyAttemptSendsAFreshClientRequestId() {
        server.then(HostileServer.json(500, "{\"error\":{\"code\":\"InternalServiceError\",\"message\":\"boom\"}}"));
        server.then(HostileServer.json(500, "{\"error\":{\"code\":\"InternalServiceError\",\"message\":\"boom\"}}"));
        try (SeedreamClient client = recordedClient(1)) {
            assertThatThrownBy(() -> client.generate(b64("two attempts").build()))
                    .isInstanceOf(SeedreamServerException.class);
        }

        assertThat(sentIds()).hasSize(2).allMatch(id -> id != null && id.matches(UUID_PATTERN));
        assertThat(sentIds().get(0)).isNotEqualTo(sentIds().get(1));
    }

    @Test
    void theIdAtTheEndOfTheProviderMessageIsUsedWhenNoHeaderCarriesOne() {
        server.then(HostileServer.json(400, "{\"error\":{\"code\":\"InvalidParameter\",\"message\":\"The parameter `size` is "
                + "invalid. Request id: 0217339912-abc.def\",\"param\":\"size\"}}"));
        try (SeedreamClient client = recordedClient(0)) {
            assertThatThrownBy(() -> client.generate(b64("message id").build()))
                    .isInstanceOfSatisfying(SeedreamInvalidRequestException.class, e -> {
                        assertThat(e.requestId()).contains("0217339912-abc.def");
                        assertThat(e).hasMessageContaining("Request id: 0217339912-abc.def")
                                .hasMessageNotContaining("[request id"); // shown once, as the provider wrote it
                    });
        }
    }

    @Test
    void theServerHeaderWinsOverTheMessage() {
        server.then(HostileServer.json(400, "{\"error\":{\"code\":\"InvalidParameter\",\"message\":\"bad. Request id: "
                + "from-message\"}}").withHeader("X-Request-Id", "from-header"));
        try (SeedreamClient client = recordedClient(0)) {
            assertThatThrownBy(() -> client.generate(b64("header id").build()))
                    .isInstanceOfSatisfying(SeedreamException.class,
                            e -> assertThat(e.requestId()).contains("from-header"));
        }
    }

    @Test
    void withoutAnyServerIdTheSentIdIsSurfacedOnFailuresAndResults() {
        server.then(HostileServer.bytes(503, "text/html", "<html>busy</html>".getBytes(StandardCharsets.UTF_8)));
        try (SeedreamClient client = recordedClient(0)) {
            assertThatThrownBy(() -> client.generate(b64("no server id").build()))
                    .isInstanceOfSatisfying(SeedreamServerException.class, e -> {
                        assertThat(e.requestId()).contains(sentIds().get(0));
                        assertThat(e).hasMessageContaining(sentIds().get(0));
                    });
        }
        String image = java.util.Base64.getEncoder().encodeToString(
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0});
        server.then(HostileServer.json(200, "{\"model\":\"m\",\"created\":1,\"data\":[{\"b64_json\":\"" + image
                + "\"}]}"));
        try (SeedreamClient client = recordedClient(0)) {
            GenerationResult<byte[]> result = client.generate(b64("result without server id").build());

            assertThat(result.requestId()).isEqualTo(sentIds().get(1));
            assertThat(result.usage()).as("the body reported no usage").isEmpty();
        }
    }

    @Test
    void aTransportFailureCarriesTheSentId() {
        emulator.faults().schedule(Fault.RESET_BEFORE_RESPONSE);
        try (SeedreamClient client = EmulatorClients.builder(emulator).maxRetries(0).build()) {
            assertThatThrownBy(() -> client.generate(b64("reset").build()))
                    .isInstanceOfSatisfying(SeedreamConnectionException.class, e -> {
                        assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
                        assertThat(e).hasMessageContaining("[request id " + e.requestId().orElseThrow() + "]");
                    });
        }
    }

    @Test
    void theProviderHeaderIdIsTheResultsId() {
        try (SeedreamClient client = EmulatorClients.builder(emulator).build()) {
            GenerationResult<byte[]> result = client.generate(b64("emulator id").build());

            // the emulator's ids look like the provider's ("021" + digits), never like the UUIDs we send
            assertThat(result.requestId()).startsWith("021").doesNotMatch(UUID_PATTERN);
        }
    }
}
