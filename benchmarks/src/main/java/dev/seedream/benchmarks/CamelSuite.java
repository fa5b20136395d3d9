/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.Measurement;
import dev.seedream.benchmarks.harness.ResultTable;
import dev.seedream.benchmarks.paths.CamelHttpRoutePath;
import dev.seedream.benchmarks.paths.CamelSeedreamPath;

import java.util.List;

/**
 * Goal 3: the {@code seedream:} component against a hand-written camel-http route at the same concurrency —
 * once at zero latency (the cost per image) and once at 1 s latency with many exchanges in flight (threads).
 */
final class CamelSuite implements BenchmarkSuite {

    private static final int OVERHEAD_CONCURRENCY = 8;
    private static final int LATENCY_CONCURRENCY = 64;

    /** Adds both Camel routes to the memory comparison. */
    static MemorySuite memoryPaths(MemorySuite memory) {
        return memory.with("camel component", CamelSeedreamPath::new)
                .with("camel-http route", CamelHttpRoutePath::new);
    }

    @Override
    public String name() {
        return "camel";
    }

    @Override
    public String run(BenchmarkContext context) throws Exception {
        StringBuilder out = new StringBuilder("## Camel: seedream: component vs hand-written camel-http route\n\n");
        context.latency("none");
        System.err.println("camel, 1K, 0 latency");
        Measurement httpFast = context.measure("1K, 0 latency", context.settings("1K", OVERHEAD_CONCURRENCY),
                CamelHttpRoutePath::new);
        Measurement componentFast = context.measure("1K, 0 latency", context.settings("1K", OVERHEAD_CONCURRENCY),
                CamelSeedreamPath::new);
        out.append(ResultTable.overhead("1K b64_json, 0 latency, " + OVERHEAD_CONCURRENCY
                + " in flight, reference = camel-http route", List.of(componentFast, httpFast), httpFast));
        context.latency("fixed:1s");
        try {
            System.err.println("camel, 1K, 1 s latency");
            Measurement httpSlow = context.measure("1K, 1 s latency", context.settings("1K", LATENCY_CONCURRENCY),
                    CamelHttpRoutePath::new);
            Measurement componentSlow = context.measure("1K, 1 s latency",
                    context.settings("1K", LATENCY_CONCURRENCY), CamelSeedreamPath::new);
            out.append(ResultTable.concurrency("1K b64_json, 1 s latency, " + LATENCY_CONCURRENCY + " in flight",
                    List.of(componentSlow, httpSlow), ConcurrencySuite.LATENCY_SECONDS));
        } finally {
            context.latency("none");
        }
        return out.toString();
    }
}
