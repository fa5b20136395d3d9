/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small chaos run of the default build: 70 inputs on each of client, Camel and NiFi (about 250 requests)
 * against faults of every kind. The full run (≥ 2,000 inputs) is {@code -Pchaos}; see BENCHMARKS.md.
 */
class ChaosSmokeTest {

    private static final int INPUTS_PER_SURFACE = Integer.getInteger("chaos.inputs", 70);

    @Test
    void everyInputEndsExactlyOnceAndNothingLeaks() throws Exception {
        List<ChaosReport> reports = ChaosSuite.run(INPUTS_PER_SURFACE, 7);
        System.out.println(ChaosSuite.markdown(reports));

        List<String> problems = new ArrayList<>();
        reports.forEach(report -> problems.addAll(report.problems()));
        // A small run's share of faults varies more than the full run's 20 %; every kind is scheduled regardless.
        problems.addAll(ChaosSuite.coverageProblems(reports, INPUTS_PER_SURFACE >= 500 ? 0.20 : 0.15));
        assertThat(problems).isEmpty();
        assertThat(reports).allSatisfy(report ->
                assertThat(report.successes() + report.failures() + report.retryRouted()).isEqualTo(report.inputs()));
    }
}
