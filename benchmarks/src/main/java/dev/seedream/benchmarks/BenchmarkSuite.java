/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

/** One section of the report: runs its scenarios against the shared emulator and returns Markdown. */
interface BenchmarkSuite {

    /** The name used on the command line, e.g. {@code client}. */
    String name();

    String run(BenchmarkContext context) throws Exception;
}
