/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.EmulatorProcess;
import dev.seedream.benchmarks.harness.ImagePath;
import dev.seedream.benchmarks.harness.LoadDriver;
import dev.seedream.benchmarks.harness.Measurement;
import dev.seedream.benchmarks.harness.ResourceMeter;
import dev.seedream.benchmarks.paths.PathSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the benchmark suites share: the out-of-process emulator, the phase lengths, and one way of measuring a
 * path (baseline threads → create → drive → close).
 */

final class BenchmarkContext {

    /** The same prompt every call: the emulator renders once and then serves from its cache. */
    static final IntFunction<String> SAME_PROMPT = i -> "a lighthouse on a cliff at dusk, benchmark";

    private final EmulatorProcess emulator;
    /** The threads each measured path had beyond the baseline at the end of its window, by pool name. */
    private final Map<String, Map<String, Long>> threadPools = new LinkedHashMap<>();
    private final Duration warmUp;
    private final Duration measured;

    private final int rounds;

    BenchmarkContext(EmulatorProcess emulator, Duration warmUp, Duration measured, int rounds) {
        this.emulator = emulator;
        this.rounds = rounds;
        this.warmUp = warmUp;
        this.measured = measured;
    }

    EmulatorProcess emulator() {
        return emulator;
    }

    PathSettings settings(String size, int concurrency) {
        return new PathSettings(emulator.baseUri(), EmulatorProcess.API_KEY, size, concurrency);
    }

    /** Sets the emulator's per-image latency, e.g. {@code none} or {@code fixed:1s}. */
    void latency(String spec) {
        emulator.configure("{\"latency\":\"" + spec + "\"}");
    }

    Measurement measure(String scenario, PathSettings settings, Function<PathSettings, ImagePath> factory)
            throws InterruptedException {
        return measure(scenario, settings, factory, warmUp, measured);
    }

    Measurement measure(String scenario, PathSettings settings, Function<PathSettings, ImagePath> factory,
                        Duration warmUpLength, Duration measuredLength) throws InterruptedException {
        System.gc();
        int baseline = ResourceMeter.liveThreads();
        Set<Long> baselineIds = ResourceMeter.threadIds();
        try (ImagePath path = factory.apply(settings)) {
            Measurement m = new LoadDriver(warmUpLength, measuredLength).run(path, scenario, settings.concurrency(),
                    baselineIds, SAME_PROMPT);
            System.err.printf("  %-40s %8.1f images/s  %6.2f CPU ms/image  %10.0f B/image  %8.0f B decoded/image"
                            + "  +%d threads %s  %d failed%n", m.path(), m.imagesPerSecond(), m.cpuMillisPerImage(),
                    m.allocatedBytesPerImage(), m.averageImageBytes(), m.usage().threadsAdded(),
                    ResourceMeter.threadsBeyond(baselineIds), m.failures());
            threadPools.put(m.path() + " @ " + scenario + " x" + settings.concurrency(),
                    ResourceMeter.threadsBeyond(baselineIds));
            return m;
        } finally {
            awaitThreadsBack(baseline);
        }
    }

    /**
     * Waits until the closed path's threads have ended, so the next path's baseline is not inflated by them (the
     * JDK HttpClient's and OkHttp's pools end their threads asynchronously).
     */
    static void awaitThreadsBack(int baseline) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ResourceMeter.liveThreads() > baseline && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (ResourceMeter.liveThreads() > baseline) {
            System.err.printf("  note: %d threads above the baseline 15 s after close%n",
                    ResourceMeter.liveThreads() - baseline);
        }
    }

    /** A Markdown list of the thread pools each path added, so "threads added" can be checked by name. */
    String threadPoolReport() {
        StringBuilder out = new StringBuilder("## Threads each path added (alive at the end of its window)\n\n");
        threadPools.forEach((path, pools) -> out.append("- ").append(path).append(": ").append(pools).append('\n'));
        return out.append('\n').toString();
    }

    /** How often the client-overhead comparison repeats its paths; the tables show the median. */
    int rounds() {
        return rounds;
    }

    Duration warmUp() {
        return warmUp;
    }

    Duration measured() {
        return measured;
    }
}
