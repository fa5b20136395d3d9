/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.ImagePath;
import dev.seedream.benchmarks.harness.Measurement;
import dev.seedream.benchmarks.harness.ResultTable;
import dev.seedream.benchmarks.paths.PathSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Goal 5: heap while 16 4K images are in flight at once, per path. The figure that matters is the peak heap left
 * after a collection (live data): the in-use peak also counts garbage and mostly reflects the allocation rate.
 * Extra paths (the Camel routes) are added by the Camel suite's factories.
 */
final class MemorySuite implements BenchmarkSuite {

    static final int CONCURRENCY = 16;

    private final Map<String, Function<PathSettings, ImagePath>> extraPaths = new LinkedHashMap<>();

    /** Adds a path beyond the client-level ones, e.g. a Camel route. */
    MemorySuite with(String label, Function<PathSettings, ImagePath> factory) {
        extraPaths.put(label, factory);
        return this;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String run(BenchmarkContext context) throws Exception {
        context.latency("none");
        System.err.println("memory, 16 x 4K");
        List<Function<PathSettings, ImagePath>> factories = new ArrayList<>();
        for (PathCatalog path : PathCatalog.values()) {
            factories.add(path::create);
        }
        factories.addAll(extraPaths.values());
        List<Measurement> rows = new ArrayList<>();
        for (Function<PathSettings, ImagePath> factory : factories) {
            rows.add(context.measure("4K, 16 in flight", context.settings("4K", CONCURRENCY), factory));
        }
        Measurement reference = rows.stream().filter(m -> m.path().startsWith("JDK")).findFirst()
                .orElse(rows.get(0));
        return "## Memory (16 concurrent 4K b64_json images, 0 latency)\n\n"
                + ResultTable.overhead("reference = JDK HttpClient + Jackson", rows, reference);
    }
}
