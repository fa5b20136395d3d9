/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import dev.seedream.benchmarks.harness.ImagePath;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Hand-written: raw AsyncHttpClient (the transport our client is built on) with the buffered response body, then
 * {@link HandWrittenJson}. Same I/O thread count as our client's default, so the difference is what the client
 * does on top.
 */
public final class AsyncHttpClientPath implements ImagePath {

    private final PathSettings settings;
    private final AsyncHttpClient client = Dsl.asyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
            .setRequestTimeout(Duration.ofMinutes(10))
            .setReadTimeout(Duration.ofMinutes(5))
            .setMaxRequestRetry(0)
            .setTcpNoDelay(true)
            .setThreadPoolName("ahc-raw"));

    public AsyncHttpClientPath(PathSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "AsyncHttpClient + Jackson";
    }

    @Override
    public CompletableFuture<Long> generate(String prompt) {
        return client.preparePost(settings.generationsUri().toString())
                .setHeader("Authorization", "Bearer " + settings.apiKey())
                .setHeader("Content-Type", "application/json")
                .setBody(HandWrittenJson.requestBody(prompt, settings.size()))
                .execute()
                .toCompletableFuture()
                .thenApply(response -> {
                    try {
                        return HandWrittenJson.decodeFirstImage(response.getStatusCode(),
                                response.getResponseBodyAsBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
