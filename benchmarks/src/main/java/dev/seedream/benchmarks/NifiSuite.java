/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.ResourceMeter;
import dev.seedream.benchmarks.harness.ResourceUsage;
import dev.seedream.benchmarks.harness.ResultTable;
import dev.seedream.benchmarks.paths.NifiProcessorRunner;
import dev.seedream.benchmarks.paths.PathSettings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Goal 4: {@code GenerateImageSeedream} with Batch Size fan-out (all of a trigger's requests in flight at once)
 * against one request per trigger, on one NiFi thread at 1 s emulator latency: FlowFiles per second per thread.
 */

final class NifiSuite implements BenchmarkSuite {

    /** Batch Size and how many inputs to run through it (a whole number of triggers). */
    private record Scenario(int batchSize, int inputs) {
    }

    private static final List<Scenario> SCENARIOS = List.of(new Scenario(1, 8), new Scenario(10, 40),
            new Scenario(50, 150));

    @Override
    public String name() {
        return "nifi";
    }

    @Override
    public String run(BenchmarkContext context) throws Exception {
        context.latency("fixed:1s");
        StringBuilder out = new StringBuilder("## NiFi: GenerateImageSeedream, 1 NiFi thread, 1 s latency, 1K\n\n")
                .append("| Batch Size | FlowFiles in | triggers | seconds | FlowFiles/s per thread | × Batch Size 1 "
                        + "| threads added | CPU ms/FlowFile | peak heap after GC |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        try {
            run(context, new Scenario(1, 2)); // warm-up: classes, EL compiler, connections
            double single = 0;
            for (Scenario scenario : SCENARIOS) {
                System.err.println("nifi batch size " + scenario.batchSize());
                ResourceUsage usage = run(context, scenario);
                double rate = scenario.inputs() / usage.elapsedSeconds();
                if (scenario.batchSize() == 1) {
                    single = rate;
                }
                out.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.2f | %.1f | %d | %.1f | %s |%n",
                        scenario.batchSize(), scenario.inputs(), scenario.inputs() / scenario.batchSize(),
                        usage.elapsedSeconds(), rate, rate / single, usage.threadsAdded(),
                        usage.cpuNanos() / 1e6 / scenario.inputs(), ResultTable.afterGc(usage.peakHeapAfterGc())));
            }
        } finally {
            context.latency("none");
        }
        return out.append('\n').toString();
    }

    /** Runs every input of the scenario through the processor and checks each produced one image. */
    private static ResourceUsage run(BenchmarkContext context, Scenario scenario) {
        System.gc();
        int baselineCount = ResourceMeter.liveThreads();
        Set<Long> baseline = ResourceMeter.threadIds();
        PathSettings settings = context.settings("1K", scenario.batchSize());
        NifiProcessorRunner nifi = new NifiProcessorRunner(settings, scenario.batchSize(), Map.of());
        try {
            for (int i = 0; i < scenario.inputs(); i++) {
                nifi.enqueue(BenchmarkContext.SAME_PROMPT.apply(i));
            }
            ResourceMeter meter = ResourceMeter.start(baseline);
            nifi.trigger(scenario.inputs() / scenario.batchSize());
            ResourceUsage usage = meter.stop();
            if (nifi.transferred("success") != scenario.inputs() || nifi.queued() != 0) {
                throw new IllegalStateException("Batch Size " + scenario.batchSize() + ": " + nifi.transferred("success")
                        + " images for " + scenario.inputs() + " inputs, " + nifi.queued() + " still queued");
            }
            return usage;
        } finally {
            nifi.shutdown();
            try {
                BenchmarkContext.awaitThreadsBack(baselineCount);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
