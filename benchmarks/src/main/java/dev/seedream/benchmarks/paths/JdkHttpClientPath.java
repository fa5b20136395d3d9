/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import dev.seedream.benchmarks.harness.ImagePath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Hand-written: the JDK's {@link HttpClient} with {@code sendAsync} and the whole body as a {@code byte[]}, then
 * {@link HandWrittenJson}. HTTP/1.1 is forced because the emulator (like the provider) speaks it in clear text;
 * the default would try an h2c upgrade on every new connection.
 */
public final class JdkHttpClientPath implements ImagePath {

    private final PathSettings settings;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public JdkHttpClientPath(PathSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "JDK HttpClient + Jackson";
    }

    @Override
    public CompletableFuture<Long> generate(String prompt) {
        HttpRequest request = HttpRequest.newBuilder(settings.generationsUri())
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HandWrittenJson.requestBody(prompt, settings.size())))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            try {
                return HandWrittenJson.decodeFirstImage(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
