/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import java.util.List;
import java.util.Locale;

/**
 * Markdown tables of measurements, with ratios against a reference row (e.g. the fastest hand-written path). One
 * formatter for every benchmark, so the tables in BENCHMARKS.md all read the same way.
 */
public final class ResultTable {

    private ResultTable() {
    }

    /** Throughput, CPU and allocation per image, threads and heap, each path against {@code reference}. */
    public static String overhead(String title, List<Measurement> rows, Measurement reference) {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n")
                .append("| Path | images/s | × ref | CPU ms/image | alloc/image | × ref | threads added "
                        + "| peak heap (in use / after GC) | decoded/image | failed |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "| %s%s | %.1f | %.2f | %.2f | %s | %.2f | %d | %s / %s | %s | %d |%n",
                    m.path(), m == reference ? " (ref)" : "", m.imagesPerSecond(),
                    m.imagesPerSecond() / reference.imagesPerSecond(), m.cpuMillisPerImage(),
                    bytes(m.allocatedBytesPerImage()), m.allocatedBytesPerImage() / reference.allocatedBytesPerImage(),
                    m.usage().threadsAdded(), bytes(m.usage().peakHeapUsed()), afterGc(m.usage().peakHeapAfterGc()),
                    bytes(m.averageImageBytes()), m.failures()));
        }
        return out.append('\n').toString();
    }

    /** Achieved against ideal throughput (concurrency ÷ latency per image). */
    public static String concurrency(String title, List<Measurement> rows, double latencySeconds) {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n")
                .append("| Path | in flight (N) | ideal images/s | achieved images/s | × ideal | threads added "
                        + "| CPU ms/image | peak heap after GC | failed |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            double ideal = m.concurrency() / latencySeconds;
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.3f | %d | %.2f | %s | %d |%n",
                    m.path(), m.concurrency(), ideal, m.imagesPerSecond(), m.imagesPerSecond() / ideal,
                    m.usage().threadsAdded(), m.cpuMillisPerImage(), afterGc(m.usage().peakHeapAfterGc()),
                    m.failures()));
        }
        return out.append('\n').toString();
    }

    /** Heap after the collections of a window, or "no GC" when none ran in it. */
    public static String afterGc(long value) {
        return value == 0 ? "no GC" : bytes(value);
    }

    /** Binary units, e.g. {@code 5.3 MB}. */
    public static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", value / (1024 * 1024));
        }
        if (value >= 1024) {
            return String.format(Locale.ROOT, "%.0f KB", value / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", value);
    }
}
