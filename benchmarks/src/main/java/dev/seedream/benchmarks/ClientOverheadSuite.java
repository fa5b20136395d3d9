/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.Measurement;
import dev.seedream.benchmarks.harness.ResultTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Goal 1: the client's own cost at zero emulator latency, where nothing but client and emulator CPU limits
 * throughput, for 1K and 4K {@code b64_json} answers. The reference is the fastest hand-written path; the goal is
 * ≥ 0.95× its throughput and ≤ 0.5× its allocation per image.
 */
final class ClientOverheadSuite implements BenchmarkSuite {

    static final int CONCURRENCY = 8;

    @Override
    public String name() {
        return "client";
    }

    @Override
    public String run(BenchmarkContext context) throws Exception {
        context.latency("none");
        StringBuilder out = new StringBuilder("## Client overhead (0 latency, ").append(CONCURRENCY)
                .append(" in flight)\n\n");
        for (String size : List.of("1K", "4K")) {
            String scenario = size + " b64_json";
            Map<PathCatalog, List<Measurement>> rounds = new EnumMap<>(PathCatalog.class);
            // Rounds interleave the paths, so a slow minute of a shared machine hits all of them alike.
            for (int round = 1; round <= context.rounds(); round++) {
                System.err.println(scenario + ", round " + round);
                for (PathCatalog path : PathCatalog.values()) {
                    rounds.computeIfAbsent(path, p -> new ArrayList<>())
                            .add(context.measure(scenario, context.settings(size, CONCURRENCY), path::create));
                }
            }
            List<Measurement> rows = new ArrayList<>();
            Measurement fastestHandWritten = null;
            for (PathCatalog path : PathCatalog.values()) {
                Measurement m = Measurement.median(rounds.get(path));
                rows.add(m);
                if (path.handWritten() && (fastestHandWritten == null
                        || m.imagesPerSecond() > fastestHandWritten.imagesPerSecond())) {
                    fastestHandWritten = m;
                }
            }
            out.append(ResultTable.overhead(scenario + ", median of " + context.rounds()
                    + " rounds, reference = fastest hand-written path", rows, fastestHandWritten));
            out.append(spread(rounds));
            out.append(goals(rows, fastestHandWritten));
        }
        return out.toString();
    }

    /** The range of throughput over the rounds, so the reader sees how much the median can be trusted. */
    private static String spread(Map<PathCatalog, List<Measurement>> rounds) {
        StringBuilder out = new StringBuilder("Throughput range over the rounds (images/s): ");
        rounds.values().forEach(list -> out.append(String.format(Locale.ROOT, "%s %.0f–%.0f; ", list.get(0).path(),
                list.stream().mapToDouble(Measurement::imagesPerSecond).min().orElse(0),
                list.stream().mapToDouble(Measurement::imagesPerSecond).max().orElse(0))));
        return out.append("\n\n").toString();
    }

    /** States each goal for the client paths, measured against the reference. */
    private static String goals(List<Measurement> rows, Measurement reference) {
        StringBuilder out = new StringBuilder();
        rows.stream().filter(m -> m.path().startsWith("seedream-client"))
                .sorted(Comparator.comparing(Measurement::path))
                .forEach(m -> {
                    double speed = m.imagesPerSecond() / reference.imagesPerSecond();
                    double allocation = m.allocatedBytesPerImage() / reference.allocatedBytesPerImage();
                    out.append(String.format(Locale.ROOT,
                            "- %s: throughput %.2f× (goal ≥ 0.95×: %s), allocation %.2f× (goal ≤ 0.5×: %s)%n",
                            m.path(), speed, speed >= 0.95 ? "met" : "NOT met", allocation,
                            allocation <= 0.5 ? "met" : "NOT met"));
                });
        return out.append('\n').toString();
    }
}
