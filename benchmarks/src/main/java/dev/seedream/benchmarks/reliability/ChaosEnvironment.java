/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.EmulatorStats;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.FaultSpec;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The in-process emulator of a chaos run, with every fault kind at a fixed rate and a fixed seed (so a run's
 * sequence of fault draws repeats), and the checks every surface shares. In process because the checks read its
 * counters directly; nothing here is a performance measurement.
 */

public final class ChaosEnvironment implements AutoCloseable {

    /** A key that must never appear in a log line, a message or an attribute. */
    public static final String SECRET = "sk-chaos-5ecret-never-log-7f3a9c";
    /**
     * Per request, per fault kind: 11 kinds × 3 % = 33 % of plain requests (three of them new with the revised
     * contract: QuotaExceeded, SetLimitExceeded, an error inside a 200); streams also get SSE_CUT.
     */
    public static final double RATE_PER_FAULT = 0.03;
    /** Injected faults per request the full run must reach. */
    public static final double MIN_FAULT_SHARE = 0.20;
    /** Small images: the emulator renders each distinct prompt once, and chaos is about routing, not pixels. */
    public static final String SIZE = "1280x720";

    private final SeedreamEmulator emulator;

    private ChaosEnvironment(long seed) {
        EmulatorConfig.Builder config = EmulatorConfig.builder().apiKeys(SECRET)
                .latency(Latency.uniform(Duration.ZERO, Duration.ofMillis(20))).faultSeed(seed);
        for (Fault fault : Fault.values()) {
            config.faultRate(fault, RATE_PER_FAULT);
        }
        this.emulator = SeedreamEmulator.start(config.build());
    }

    public static ChaosEnvironment start(long seed) {
        return new ChaosEnvironment(seed);
    }

    public SeedreamEmulator emulator() {
        return emulator;
    }

    /**
     * Fresh counters and the start fault rates, between surfaces, and one of each fault kind scheduled for the
     * first requests so even a small run meets every kind. {@code SSE_CUT} comes first, after 0 events: the
     * client surface sends a stream request first, alone; elsewhere it is used up without effect.
     */
    public void reset() {
        emulator.reset();
        emulator.faults().schedule(FaultSpec.sseCutAfter(0));
        for (Fault fault : Fault.values()) {
            if (fault != Fault.SSE_CUT) {
                emulator.faults().schedule(fault);
            }
        }
    }

    /** {@code count} distinct inputs (distinct prompts, so the emulator counts each one apart). */
    public static List<String> inputs(String surface, int count) {
        return IntStream.range(0, count).mapToObj(i -> "chaos " + surface + " input " + i).toList();
    }

    /**
     * Checks what every surface must satisfy once its client is closed.
     *
     * @param attempts         HTTP attempts the client made, as it counts them
     * @param attemptsBySuccess attempts of each successful input as the result reports them (may be empty)
     * @param baselineThreads  live threads before the surface's client was created
     * @param texts            log lines, messages and attributes that must not contain the key
     */
    public List<String> check(String surface, Outcomes outcomes, long attempts, Map<String, Integer> attemptsBySuccess,
                              int baselineThreads, List<String> texts) throws InterruptedException {
        List<String> problems = new ArrayList<>(outcomes.problems());
        EmulatorStats stats = emulator.stats();
        for (String input : outcomes.inputs()) {
            if (stats.requestsForPrompt(input) == 0) {
                problems.add("never reached the emulator: " + input);
            }
        }
        attemptsBySuccess.forEach((input, reported) -> {
            if (stats.requestsForPrompt(input) != reported) {
                problems.add(input + ": the emulator saw " + stats.requestsForPrompt(input)
                        + " requests, the result reports " + reported + " attempts");
            }
        });
        if (stats.generationRequests() != attempts) {
            problems.add(surface + ": the emulator saw " + stats.generationRequests() + " requests, the client made "
                    + attempts + " attempts");
        }
        if (awaitZero(() -> emulator.stats().inFlight()) != 0) {
            problems.add(surface + ": " + emulator.stats().inFlight() + " requests still in flight at the emulator");
        }
        if (awaitAtMost(baselineThreads, ChaosEnvironment::liveThreads) > baselineThreads) {
            problems.add(surface + ": " + (liveThreads() - baselineThreads) + " threads above the baseline "
                    + baselineThreads + " after close: " + threadNames());
        }
        if (ConnectionCounter.available()
                && awaitZero(() -> ConnectionCounter.established(emulator.port())) != 0) {
            problems.add(surface + ": " + ConnectionCounter.established(emulator.port())
                    + " connections to the emulator still open after close");
        }
        texts.stream().filter(text -> text != null && text.contains(SECRET)).findFirst()
                .ifPresent(text -> problems.add(surface + ": the API key appears in: "
                        + text.replace(SECRET, "<KEY>").lines().findFirst().orElse("")));
        return problems;
    }

    /**
     * Live threads that a surface could own: the emulator's threads and the JVM's lazily started system threads
     * (Common-Cleaner, Java2D Disposer, in the "system" group) are left out, since they come and go on their own.
     */
    public static int liveThreads() {
        return (int) surfaceThreads().count();
    }

    private static Stream<Thread> surfaceThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("seedream-emulator"))
                .filter(t -> t.getThreadGroup() != null && !"system".equals(t.getThreadGroup().getName()));
    }

    private static String threadNames() {
        return surfaceThreads().map(Thread::getName).sorted().toList().toString();
    }

    private static int awaitZero(IntSupplier value) throws InterruptedException {
        return awaitAtMost(0, value);
    }

    /** Polls for up to 15 s until {@code value} is at most {@code limit}; returns the last value. */
    private static int awaitAtMost(int limit, IntSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int current = value.getAsInt();
        while (current > limit && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = value.getAsInt();
        }
        return current;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
