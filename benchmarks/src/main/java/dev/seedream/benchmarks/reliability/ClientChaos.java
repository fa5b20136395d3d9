/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.benchmarks.reliability.Outcomes.Route;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Chaos through the client: every input is one {@code generateAsync} call, every third one streamed (so
 * {@code SSE_CUT} applies; the first input is a stream sent alone), 16 in flight. An input ends when its future completes: success with one image, or
 * failure with a {@code SeedreamException}.
 */
public final class ClientChaos {

    static final int IN_FLIGHT = 16;
    /** Short, so a STALL costs a second instead of the default ten minutes. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final RetryPolicy RETRIES = RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50));

    private ClientChaos() {
    }

    public static ChaosReport run(ChaosEnvironment environment, int count) throws InterruptedException {
        environment.reset();
        Outcomes outcomes = new Outcomes(ChaosEnvironment.inputs("client", count));
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        List<String> texts = new ArrayList<>();
        int baseline = ChaosEnvironment.liveThreads();
        long clientAttempts;
        try (LogCapture logs = LogCapture.start()) {
            try (SeedreamClient client = SeedreamClient.builder().baseUrl(environment.emulator().baseUri().toString())
                    .apiKey(ChaosEnvironment.SECRET).imagesPerMinute(0).maxConcurrentRequests(IN_FLIGHT)
                    .requestTimeout(TIMEOUT).readTimeout(TIMEOUT).retryPolicy(RETRIES).build()) {
                texts.add(client.toString());
                Semaphore inFlight = new Semaphore(IN_FLIGHT);
                for (int i = 0; i < count; i++) {
                    inFlight.acquire();
                    String input = outcomes.inputs().get(i);
                    ImageRequest request = ImageRequest.builder().prompt(input).size(ChaosEnvironment.SIZE)
                            .responseFormat(ResponseFormat.B64_JSON).stream(i % 3 == 0).build();
                    var call = client.generateAsync(request, ImageSinks.discarding(), image -> outcomes.image(input))
                            .whenComplete((result, error) -> {
                                end(outcomes, attempts, texts, input, result, error);
                                inFlight.release();
                            });
                    if (i == 0) {
                        call.handle((result, error) -> null).join(); // alone, so the scheduled SSE_CUT hits it
                    }
                }
                if (!inFlight.tryAcquire(IN_FLIGHT, 5, TimeUnit.MINUTES)) {
                    texts.add("calls still running after 5 minutes");
                }
                clientAttempts = client.metrics().requestsSent();
            }
            texts.add(logs.text());
            List<String> problems = environment.check("client", outcomes, clientAttempts, attempts, baseline, texts);
            return new ChaosReport("client", count, outcomes.count(Route.SUCCESS), outcomes.count(Route.FAILURE), 0,
                    environment.emulator().stats().generationRequests(), clientAttempts,
                    environment.emulator().stats().faultsInjected(), logs.lines(), problems);
        }
    }

    private static void end(Outcomes outcomes, Map<String, Integer> attempts, List<String> texts, String input,
                            GenerationResult<Void> result, Throwable error) {
        if (error == null && result.images().size() == 1) {
            attempts.put(input, result.attempts());
            outcomes.ended(input, Route.SUCCESS);
        } else {
            synchronized (texts) {
                texts.add(String.valueOf(error));
            }
            outcomes.ended(input, Route.FAILURE);
        }
    }
}
