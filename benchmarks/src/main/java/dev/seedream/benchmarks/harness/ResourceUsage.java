/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

/**
 * What one measured phase used.
 *
 * @param elapsedNanos    wall-clock length of the phase
 * @param cpuNanos        process CPU time (all threads, user + system)
 * @param allocatedBytes  heap bytes allocated by all threads
 * @param threadsAdded    peak live threads above the baseline taken before the path was created
 * @param peakHeapUsed    highest sampled heap in use (live data plus garbage not yet collected)
 * @param peakHeapAfterGc highest heap in use right after a collection (live data); 0 when no collection ran
 */
public record ResourceUsage(long elapsedNanos, long cpuNanos, long allocatedBytes, int threadsAdded,
                            long peakHeapUsed, long peakHeapAfterGc) {

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
