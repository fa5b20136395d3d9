/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import java.util.Comparator;
import java.util.List;

/**
 * The result of one path in one scenario, with the figures the tables show derived in one place.
 *
 * @param scenario    e.g. "1K b64_json, 0 latency, 8 in flight"
 * @param path        the path's name
 * @param concurrency calls kept in flight
 * @param images      calls that completed with an image during the measured phase
 * @param failures    calls that failed during the measured phase
 * @param imageBytes  decoded image bytes of those calls (a check that every path decoded the same images)
 * @param usage       what the JVM used meanwhile
 */

public record Measurement(String scenario, String path, int concurrency, long images, long failures,
                          long imageBytes, ResourceUsage usage) {

    /** The measurement with the median throughput of several rounds of the same path. */
    public static Measurement median(List<Measurement> rounds) {
        List<Measurement> sorted = rounds.stream()
                .sorted(Comparator.comparingDouble(Measurement::imagesPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    public double imagesPerSecond() {
        return images / usage.elapsedSeconds();
    }

    public double cpuMillisPerImage() {
        return images == 0 ? Double.NaN : usage.cpuNanos() / 1e6 / images;
    }

    public double allocatedBytesPerImage() {
        return images == 0 ? Double.NaN : (double) usage.allocatedBytes() / images;
    }

    public double averageImageBytes() {
        return images == 0 ? Double.NaN : (double) imageBytes / images;
    }
}
