/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.benchmarks.paths.NifiProcessorRunner;
import dev.seedream.benchmarks.paths.PathSettings;
import dev.seedream.benchmarks.reliability.Outcomes.Route;
import org.apache.nifi.util.MockFlowFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chaos through {@code GenerateImageSeedream} (Batch Size 50, one thread): inputs end in {@code original} (with
 * one image in {@code success}), {@code failure} or {@code retry}; rate-limited ones go back to the input queue,
 * so the processor is triggered until that queue is empty.
 */
public final class NifiChaos {

    private static final int BATCH_SIZE = 50;
    private static final long MAX_RUN_NANOS = 10L * 60 * 1_000_000_000L;

    private NifiChaos() {
    }

    public static ChaosReport run(ChaosEnvironment environment, int count) throws InterruptedException {
        environment.reset();
        Outcomes outcomes = new Outcomes(ChaosEnvironment.inputs("nifi", count));
        List<String> texts = new ArrayList<>();
        int baseline = ChaosEnvironment.liveThreads();
        long clientAttempts;
        try (LogCapture logs = LogCapture.start()) {
            PathSettings settings = new PathSettings(environment.emulator().baseUri(), ChaosEnvironment.SECRET,
                    ChaosEnvironment.SIZE, BATCH_SIZE);
            // A short quota pause: the injected QuotaExceeded / SetLimitExceeded come and go, a real one would not.
            NifiProcessorRunner nifi = new NifiProcessorRunner(settings, BATCH_SIZE, Map.of("Max Retries", "2",
                    "Request Timeout", "1 sec", "Read Timeout", "1 sec", "Quota Exhausted Pause", "50 millis"));
            try {
                outcomes.inputs().forEach(nifi::enqueue);
                long deadline = System.nanoTime() + MAX_RUN_NANOS;
                while (nifi.queued() > 0 && System.nanoTime() < deadline) {
                    nifi.trigger(1);
                    Thread.sleep(20); // lets a closed Retry-After gate open instead of spinning on yields
                }
                clientAttempts = nifi.clientAttempts();
                collect(nifi, outcomes, texts);
            } finally {
                nifi.shutdown();
            }
            texts.add(logs.text());
            List<String> problems = environment.check("nifi", outcomes, clientAttempts, Map.of(), baseline, texts);
            return new ChaosReport("nifi", count, outcomes.count(Route.SUCCESS), outcomes.count(Route.FAILURE),
                    outcomes.count(Route.RETRY), environment.emulator().stats().generationRequests(), clientAttempts,
                    environment.emulator().stats().faultsInjected(), logs.lines() + texts.size(), problems);
        }
    }

    private static void collect(NifiProcessorRunner nifi, Outcomes outcomes, List<String> texts) {
        for (MockFlowFile image : nifi.flowFiles("success")) {
            outcomes.image(image.getAttribute(NifiProcessorRunner.PROMPT_ATTRIBUTE));
            texts.add(image.getAttributes().toString());
        }
        Map<String, Route> routes = Map.of("original", Route.SUCCESS, "failure", Route.FAILURE, "retry", Route.RETRY);
        routes.forEach((relationship, route) -> {
            for (MockFlowFile input : nifi.flowFiles(relationship)) {
                outcomes.ended(input.getAttribute(NifiProcessorRunner.PROMPT_ATTRIBUTE), route);
                texts.add(input.getAttributes().toString());
            }
        });
        texts.addAll(nifi.logMessages());
    }
}
