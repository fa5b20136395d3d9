/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.EmulatorProcess;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmark suites in one JVM against one out-of-process emulator, so all ratios come from the same run,
 * and writes the Markdown report to stdout and {@code target/benchmark-results.md}.
 *
 * <pre>
 * BenchmarkMain [all|client|concurrency|memory|camel|nifi ...] [--warmup 3] [--measure 6] [--rounds 3]
 * </pre>
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> chosen = new LinkedHashSet<>();
        Duration warmUp = Duration.ofSeconds(3);
        Duration measured = Duration.ofSeconds(6);
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmUp = parseSeconds(args[++i]);
                case "--measure" -> measured = parseSeconds(args[++i]);
                default -> chosen.add(args[i]);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add("all");
        }
        List<BenchmarkSuite> suites = new ArrayList<>();
        for (BenchmarkSuite suite : allSuites()) {
            if (chosen.contains("all") || chosen.contains(suite.name())) {
                suites.add(suite);
            }
        }
        StringBuilder report = new StringBuilder(header(warmUp, measured, rounds));
        try (EmulatorProcess emulator = EmulatorProcess.start(EmulatorProcess.defaultJar())) {
            BenchmarkContext context = new BenchmarkContext(emulator, warmUp, measured, rounds);
            for (BenchmarkSuite suite : suites) {
                report.append(suite.run(context));
            }
            report.append(context.threadPoolReport());
        }
        report.append(String.format(Locale.ROOT, "Load average after the run: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(report);
        Path out = Path.of("target", "benchmark-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.err.println("Report written to " + out.toAbsolutePath());
    }

    private static List<BenchmarkSuite> allSuites() {
        return List.of(new ClientOverheadSuite(), new ConcurrencySuite(), CamelSuite.memoryPaths(new MemorySuite()),
                new CamelSuite(), new NifiSuite());
    }

    private static String header(Duration warmUp, Duration measured, int rounds) throws IOException {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, """
                # Benchmark run %s

                - CPUs: %d, JVM: %s %s, max heap: %d MB
                - load average at start: %.2f
                - warm-up %d s, measured %d s per path, client-overhead paths in %d interleaved rounds (median)
                - emulator out of process on 127.0.0.1

                """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                os.getSystemLoadAverage(), warmUp.toSeconds(), measured.toSeconds(), rounds);
    }

    private static Duration parseSeconds(String text) {
        return Duration.ofSeconds(Long.parseLong(text.toLowerCase(Locale.ROOT).replace("s", "")));
    }
}
