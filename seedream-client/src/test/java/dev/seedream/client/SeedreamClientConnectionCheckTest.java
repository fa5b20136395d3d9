/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;
import dev.seedream.emulator.junit.HostileServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection check settles key and model in one unretried call that no image is billed for. */
class SeedreamClientConnectionCheckTest {

    @Test
    void anAcceptedKeyPassesWithoutAnImageOrABudgetGrant() {
        AtomicInteger budgetAsked = new AtomicInteger();
        ImageBudget countingBudget = new ImageBudget() {
            @Override
            public CompletableFuture<Grant> acquire(String model, int images, Duration maxWait) {
                budgetAsked.incrementAndGet();
                return CompletableFuture.completedFuture(unused -> { });
            }

            @Override
            public int waiting() {
                return 0;
            }
        };
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().build());
             SeedreamClient client = EmulatorClients.builder(emulator).imageBudget(countingBudget).build()) {
            ConnectionCheck check = client.checkConnection().join();

            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.KEY_ACCEPTED);
            assertThat(check.passed()).isTrue();
            assertThat(check.message()).contains(emulator.baseUri().toString(), "HTTP 400", "no image was generated");
            assertThat(emulator.stats().generationRequests()).isEqualTo(1);
            assertThat(emulator.stats().imagesGenerated()).isZero();
            assertThat(budgetAsked).hasValue(0);
        }
    }

    @Test
    void aRejectedKeyFailsAndTheMessageNeverShowsIt() {
        String wrongKey = "sk-wrong-key-0123456789";
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().build());
             SeedreamClient client = EmulatorClients.builder(emulator).apiKey(wrongKey).build()) {
            ConnectionCheck check = client.checkConnection().join();

            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.KEY_REJECTED);
            assertThat(check.passed()).isFalse();
            assertThat(check.message()).contains("API key was rejected").doesNotContain(wrongKey);
        }
    }

    @Test
    void anUnknownModelIsToldApartFromABadKey() {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().build());
             SeedreamClient client = EmulatorClients.builder(emulator).defaultModel("seedream-0-0-000000").build()) {
            ConnectionCheck check = client.checkConnection().join();

            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.MODEL_NOT_FOUND);
            assertThat(check.message()).contains("seedream-0-0-000000");
        }
    }

    @Test
    void aServerErrorIsNotRetriedAndFails() {
        try (HostileServer server = HostileServer.start("127.0.0.1");
             SeedreamClient client = EmulatorClients.builder(server).maxRetries(3).build()) {
            server.otherwise(HostileServer.json(500, "{\"error\":{\"code\":\"InternalServiceError\","
                    + "\"message\":\"try later\"}}"));

            ConnectionCheck check = client.checkConnection().join();

            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.FAILED);
            assertThat(check.message()).startsWith("Could not verify " + server.baseUri());
            assertThat(server.requests()).as("sent once, not retried").hasSize(1);
        }
    }

    @Test
    void anAccountAtItsRateLimitHasAnAcceptedKey() {
        try (HostileServer server = HostileServer.start("127.0.0.1");
             SeedreamClient client = EmulatorClients.builder(server).build()) {
            server.otherwise(HostileServer.json(429, "{\"error\":{\"code\":\"ModelAccountIpmRateLimitExceeded\","
                    + "\"message\":\"The images-per-minute limit was reached\"}}"));

            ConnectionCheck check = client.checkConnection().join();

            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.KEY_ACCEPTED);
            assertThat(check.message()).contains("rate limit", "ModelAccountIpmRateLimitExceeded");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aBusyClientIsCheckedAtOnceAndTheCheckIsNotInItsMetrics() throws Exception {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder()
                     .latency(Latency.fixed(Duration.ofSeconds(3))).build());
             SeedreamClient client = EmulatorClients.builder(emulator).maxConcurrentRequests(1).build()) {
            CompletableFuture<GenerationResult<byte[]>> holdingTheOnlySlot = client.generateAsync(
                    ImageRequest.builder().prompt("a slow lighthouse").build());
            Thread.sleep(200); // the generation has its slot and is in flight

            ConnectionCheck check = client.checkConnection().get(2, TimeUnit.SECONDS);
            ClientMetrics during = client.metrics();
            holdingTheOnlySlot.join();

            assertThat(check.status()).as("answered before the slot was free").isEqualTo(
                    ConnectionCheck.Status.KEY_ACCEPTED);
            assertThat(during.requestsSent()).as("the generation only").isEqualTo(1);
            assertThat(client.metrics().failuresByCode()).as("the probe's 400 is no failure of the client").isEmpty();
        }
    }

    /** A server that reads the probe and never answers: only the client's close ends the connection. */
    @Test
    void cancellingTheCheckEndsItsHttpExchange() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SeedreamClient client = SeedreamClient.builder().apiKey(EmulatorClients.KEY)
                     .baseUrl("http://127.0.0.1:" + silent.getLocalPort() + "/api/v3").build()) {
            CompletableFuture<ConnectionCheck> check = client.checkConnection();
            try (Socket probe = silent.accept()) {
                probe.setSoTimeout(5_000);
                InputStream in = probe.getInputStream();
                assertThat(in.read()).as("the probe's request arrived").isNotNegative();

                check.cancel(true);

                byte[] rest = new byte[8192];
                int read;
                do {
                    read = in.read(rest); // a SocketTimeoutException here: the connection was left open
                } while (read >= 0);
                assertThat(read).as("the client closed the connection").isEqualTo(-1);
            }
        }
    }
}
