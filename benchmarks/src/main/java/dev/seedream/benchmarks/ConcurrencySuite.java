/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.Measurement;
import dev.seedream.benchmarks.harness.ResultTable;
import dev.seedream.benchmarks.paths.ArkSdkPath;
import dev.seedream.benchmarks.paths.SeedreamClientPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Goal 2: with 1 s emulator latency per image, N requests in flight should give close to N images/s (the goal is
 * ≥ 0.9× ideal) on a handful of threads — the client's I/O threads, not one per request.
 */
final class ConcurrencySuite implements BenchmarkSuite {

    static final double LATENCY_SECONDS = 1.0;

    @Override
    public String name() {
        return "concurrency";
    }

    @Override
    public String run(BenchmarkContext context) throws Exception {
        context.latency("fixed:1s");
        List<Measurement> rows = new ArrayList<>();
        try {
            for (int n : List.of(8, 64, 256)) {
                System.err.println("concurrency " + n);
                rows.add(context.measure("1K, 1 s latency", context.settings("1K", n),
                        SeedreamClientPath::memorySink));
                // For contrast: the synchronous SDK needs a thread per request in flight.
                rows.add(context.measure("1K, 1 s latency", context.settings("1K", n), ArkSdkPath::new));
            }
        } finally {
            context.latency("none");
        }
        StringBuilder out = new StringBuilder("## Concurrency (1 s latency per image, 1K b64_json)\n\n")
                .append(ResultTable.concurrency("seedream-client (memory sink), and the Ark SDK for contrast", rows,
                        LATENCY_SECONDS));
        for (Measurement m : rows.stream().filter(m -> m.path().startsWith("seedream-client")).toList()) {
            double ratio = m.imagesPerSecond() / (m.concurrency() / LATENCY_SECONDS);
            out.append(String.format(Locale.ROOT, "- N = %d: %.3f× ideal (goal ≥ 0.9×: %s) with %d added threads%n",
                    m.concurrency(), ratio, ratio >= 0.9 ? "met" : "NOT met", m.usage().threadsAdded()));
        }
        return out.append('\n').toString();
    }
}
