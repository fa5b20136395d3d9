/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The live, thread-safe counters behind {@link EmulatorStats}. */
final class StatsRecorder {

    private final LongAdder generationRequests = new LongAdder();
    private final LongAdder proxiedRequests = new LongAdder();
    private final LongAdder imagesGenerated = new LongAdder();
    private final LongAdder imagesRendered = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byPrompt = new ConcurrentHashMap<>();
    private final Map<Fault, LongAdder> faults = new ConcurrentHashMap<>();
    private final IntSupplier inFlight;

    StatsRecorder(IntSupplier inFlight) {
        this.inFlight = inFlight;
    }

    void generationRequest(boolean throughProxy) {
        generationRequests.increment();
        if (throughProxy) {
            proxiedRequests.increment();
        }
    }

    void prompt(String prompt) {
        byPrompt.computeIfAbsent(prompt, p -> new LongAdder()).increment();
    }

    void status(int status) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void imagesGenerated(int count) {
        imagesGenerated.add(count);
    }

    void imageRendered() {
        imagesRendered.increment();
    }

    void bytesSent(long bytes) {
        bytesSent.add(bytes);
    }

    void fault(Fault fault) {
        faults.computeIfAbsent(fault, f -> new LongAdder()).increment();
    }

    /** Zeroes the counters; in-flight is a gauge of live requests and stays. */
    void reset() {
        generationRequests.reset();
        proxiedRequests.reset();
        imagesGenerated.reset();
        imagesRendered.reset();
        bytesSent.reset();
        byStatus.clear();
        byPrompt.clear();
        faults.clear();
    }

    EmulatorStats snapshot() {
        Map<Integer, Long> status = new HashMap<>();
        byStatus.forEach((k, v) -> status.put(k, v.sum()));
        Map<String, Long> prompts = new HashMap<>();
        byPrompt.forEach((k, v) -> prompts.put(k, v.sum()));
        Map<Fault, Long> faultCounts = new EnumMap<>(Fault.class);
        faults.forEach((k, v) -> faultCounts.put(k, v.sum()));
        return new EmulatorStats(generationRequests.sum(), proxiedRequests.sum(), imagesGenerated.sum(), imagesRendered.sum(),
                bytesSent.sum(), status, prompts, faultCounts, inFlight.getAsInt());
    }
}
