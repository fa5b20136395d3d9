/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.emulator.Fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Runs the chaos run on all three surfaces against one emulator and formats the result as Markdown. */

public final class ChaosSuite {

    private ChaosSuite() {
    }

    /** @param inputsPerSurface inputs sent through each of client, Camel and NiFi */
    public static List<ChaosReport> run(int inputsPerSurface, long seed) throws Exception {
        List<ChaosReport> reports = new ArrayList<>();
        try (ChaosEnvironment environment = ChaosEnvironment.start(seed)) {
            reports.add(ClientChaos.run(environment, inputsPerSurface));
            reports.add(CamelChaos.run(environment, inputsPerSurface));
            reports.add(NifiChaos.run(environment, inputsPerSurface));
        }
        return reports;
    }

    public static String markdown(List<ChaosReport> reports) {
        StringBuilder out = new StringBuilder("| Surface | inputs | success | failure | retry route | lost or duplicated "
                + "| emulator requests | client attempts | injected faults | faults by kind | problems |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (ChaosReport r : reports) {
            long endedBadly = r.problems().stream().filter(p -> p.startsWith("lost") || p.startsWith("ended")).count();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %.1f %% | %s | %d |%n",
                    r.surface(), r.inputs(), r.successes(), r.failures(), r.retryRouted(), endedBadly,
                    r.emulatorRequests(), r.clientAttempts(), 100 * r.faultShare(),
                    new TreeMap<>(r.faultsInjected()),
                    r.problems().size()));
        }
        return out.toString();
    }

    /**
     * Rules over the whole run: each surface's injected-fault share, and every fault kind the emulator has met at
     * least once across the surfaces.
     */
    public static List<String> coverageProblems(List<ChaosReport> reports, double minShare) {
        List<String> problems = new ArrayList<>();
        for (ChaosReport r : reports) {
            if (r.faultShare() < minShare) {
                problems.add(String.format(Locale.ROOT, "%s: only %.1f %% of requests faulted", r.surface(),
                        100 * r.faultShare()));
            }
        }
        for (Fault fault : Fault.values()) {
            if (reports.stream().mapToLong(r -> r.faultsInjected().getOrDefault(fault, 0L)).sum() == 0) {
                problems.add("fault never injected: " + fault);
            }
        }
        return problems;
    }

    /** {@code ChaosSuite [inputsPerSurface] [seed]}: exits with 1 when any rule was violated. */
    public static void main(String[] args) throws Exception {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 700;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        System.out.println("Chaos run: " + inputs + " inputs per surface, fault seed " + seed);
        List<ChaosReport> reports = run(inputs, seed);
        System.out.println(markdown(reports));
        List<String> problems = new ArrayList<>(reports.stream().flatMap(r -> r.problems().stream()).toList());
        problems.addAll(coverageProblems(reports, ChaosEnvironment.MIN_FAULT_SHARE));
        problems.stream().limit(50).forEach(p -> System.out.println("PROBLEM: " + p));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
