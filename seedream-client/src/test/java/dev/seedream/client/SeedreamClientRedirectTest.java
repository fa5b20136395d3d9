/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.seedream.emulator.junit.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URL results behind redirects. The emulator serves its files directly, so a small loopback server stands in for
 * an API whose image URLs redirect {@code n} times before the image.
 */
class SeedreamClientRedirectTest {

    private static final byte[] JPEG = TestImages.jpeg(8, 8);
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/api/v3/images/generations", SeedreamClientRedirectTest::generation);
        server.createContext("/hop/", SeedreamClientRedirectTest::hop);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** Answers with one URL image that redirects as many times as the prompt says. */
    private static void generation(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String hops = body.replaceAll(".*\"prompt\":\"hops (\\d+)\".*", "$1");
        send(exchange, 200, ("{\"model\":\"m\",\"created\":1,\"data\":[{\"url\":\"" + base + "/hop/" + hops
                + "\",\"size\":\"8x8\"}],\"usage\":{\"generated_images\":1}}").getBytes(StandardCharsets.UTF_8));
    }

    private static void hop(HttpExchange exchange) throws IOException {
        int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
        if (left == 0) {
            send(exchange, 200, JPEG);
        } else {
            exchange.getResponseHeaders().add("Location", "/hop/" + (left - 1));
            send(exchange, 302, new byte[0]);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static GenerationResult<byte[]> generate(int hops) {
        try (SeedreamClient client = SeedreamClient.builder().baseUrl(base + "/api/v3").apiKey("k").maxRetries(0)
                .build()) {
            return client.generate(ImageRequest.builder().prompt("hops " + hops).build());
        }
    }

    @Test
    void followsRedirectsUpToTheCap() {
        GenerationResult<byte[]> result = generate(3);

        assertThat(result.firstImage().content()).isEqualTo(JPEG);
        assertThat(result.firstImage().url()).endsWith("/hop/3");
    }

    @Test
    void reportsAnImageBehindTooManyRedirectsAsAFailedImage() {
        GenerationResult<byte[]> result = generate(4);

        assertThat(result.images()).isEmpty();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.code()).isEqualTo("ImageDownloadFailed");
            assertThat(failure.message()).contains("more than 3 redirects");
        });
    }
}
