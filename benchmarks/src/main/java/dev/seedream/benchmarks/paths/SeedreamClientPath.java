/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import dev.seedream.benchmarks.harness.ImagePath;
import dev.seedream.client.GeneratedImage;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSink;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SeedreamClient;

import java.util.concurrent.CompletableFuture;

/**
 * Our client with {@code generateAsync}: the memory sink (images as {@code byte[]}, what most callers use) or the
 * discarding sink (decodes and drops, i.e. the client's own cost without storing the image). The client-side
 * images-per-minute limit is off and the request limit is the concurrency, so neither throttles the benchmark.
 */
public final class SeedreamClientPath implements ImagePath {

    private final PathSettings settings;
    private final SeedreamClient client;
    private final ImageSink<?> sink;
    private final String name;

    private SeedreamClientPath(PathSettings settings, ImageSink<?> sink, String name) {
        this.settings = settings;
        this.sink = sink;
        this.name = name;
        this.client = SeedreamClient.builder()
                .baseUrl(settings.baseUri().toString())
                .apiKey(settings.apiKey())
                .imagesPerMinute(0)
                .maxConcurrentRequests(settings.concurrency())
                .build();
    }

    public static SeedreamClientPath memorySink(PathSettings settings) {
        return new SeedreamClientPath(settings, ImageSinks.memory(), "seedream-client (memory sink)");
    }

    public static SeedreamClientPath discardingSink(PathSettings settings) {
        return new SeedreamClientPath(settings, ImageSinks.discarding(), "seedream-client (discarding sink)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Long> generate(String prompt) {
        ImageRequest request = ImageRequest.builder().prompt(prompt).size(settings.size())
                .responseFormat(ResponseFormat.B64_JSON).build();
        return client.generateAsync(request, sink)
                .thenApply(result -> result.images().stream().mapToLong(GeneratedImage::byteCount).sum());
    }

    @Override
    public void close() {
        client.close();
    }
}
