/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import com.volcengine.ark.runtime.model.images.generation.GenerateImagesRequest;
import com.volcengine.ark.runtime.model.images.generation.ImagesResponse;
import com.volcengine.ark.runtime.service.ArkService;
import dev.seedream.benchmarks.harness.BlockingCalls;
import dev.seedream.benchmarks.harness.ImagePath;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first-party Ark Java SDK: synchronous {@code ArkService.generateImages} on one worker thread per request in
 * flight, with the base URL pointed at the emulator, and a Base64 decode of {@code b64_json} for parity with the
 * other paths (the SDK hands it back as a String). Its OkHttp dispatcher and pool are widened to the concurrency,
 * since the defaults (5 per host) would cap it, and its own retries are off like everyone's.
 */
public final class ArkSdkPath implements ImagePath {

    private final PathSettings settings;
    private final ArkService service;
    private final BlockingCalls workers;
    private final Dispatcher dispatcher = new Dispatcher();

    public ArkSdkPath(PathSettings settings) {
        this.settings = settings;
        dispatcher.setMaxRequests(Math.max(64, settings.concurrency()));
        dispatcher.setMaxRequestsPerHost(Math.max(64, settings.concurrency()));
        this.service = ArkService.builder()
                .apiKey(settings.apiKey())
                // Retrofit needs the trailing slash to resolve the SDK's relative paths against the base.
                .baseUrl(settings.baseUri() + "/")
                .timeout(Duration.ofMinutes(10))
                .retryTimes(0)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(settings.concurrency(), 5, TimeUnit.MINUTES))
                .build();
        this.workers = new BlockingCalls("ark-sdk-caller", settings.concurrency());
    }

    @Override
    public String name() {
        return "Ark SDK 2.0.11";
    }

    @Override
    public CompletableFuture<Long> generate(String prompt) {
        return workers.submit(this::generateBlocking, prompt);
    }

    private long generateBlocking(String prompt) {
        ImagesResponse response = service.generateImages(GenerateImagesRequest.builder()
                .model(PathSettings.MODEL)
                .prompt(prompt)
                .size(settings.size())
                .responseFormat("b64_json")
                .build());
        return Base64.getDecoder().decode(response.getData().get(0).getB64Json()).length;
    }

    @Override
    public void close() {
        workers.close();
        service.shutdownExecutor();
        dispatcher.executorService().shutdownNow();
    }
}
