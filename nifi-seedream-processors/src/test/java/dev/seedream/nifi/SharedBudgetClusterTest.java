/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.emulator.junit.BudgetCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two NiFi nodes as two JVMs (not threads), each a TestRunner of GenerateImageSeedream with twice the account's
 * limit queued, against the emulator enforcing that limit over a shortened window: sharing one Redis budget service
 * the provider never says 429 and the budget is nearly all used; with each connection service's own Images Per
 * Minute at the full limit (the control) it says 429, so this test can fail.
 */
class SharedBudgetClusterTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int WINDOWS = 4;
    private static final Duration RUN = WINDOW.multipliedBy(WINDOWS);

    @RegisterExtension
    static final BudgetCluster cluster = BudgetCluster.of(LIMIT, WINDOW);

    @Test
    void twoNiFiNodesOnOneRedisBudgetServiceNeverMeetA429AndUseTheBudget() throws Exception {
        BudgetCluster.Run run = run(2, String.valueOf(cluster.redis().port()), RUN);

        double used = (double) run.imagesInRun() / (LIMIT * WINDOWS);
        System.out.printf("NiFi, shared budget, 2 JVMs: %.1f %% used, provider 429s %d, workers %s%n", used * 100,
                cluster.emulator().stats().requestsWithStatus(429), run.workers());
        assertThat(run.sum("fallbacks")).as("Redis answered in time; workers %s", run.workers()).isZero();
        assertThat(cluster.emulator().stats().requestsWithStatus(429)).as("provider 429s; workers %s", run.workers())
                .isZero();
        assertThat(run.sum("failed")).isZero();
        assertThat(used).as("budget used: %d images of %d in %s", run.imagesInRun(), LIMIT * WINDOWS, RUN)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(run.sum("offered")).as("offered: twice the limit per node").isEqualTo(2L * 2 * LIMIT * WINDOWS);
        assertThat(run.sum("budgetWaits")).as("the nodes waited for the shared window").isPositive();
        for (Map<String, Long> worker : run.workers()) {
            assertThat(worker.get("generated")).as("counter = images on success").isEqualTo(worker.get("success"));
            assertThat(worker.get("success") + worker.get("retry") + worker.get("queued"))
                    .as("every FlowFile once").isEqualTo(worker.get("offered"));
        }
    }

    @Test
    void theControlWithEachNodesFullLimitMeets429s() throws Exception {
        BudgetCluster.Run run = run(2, "local", WINDOW.multipliedBy(2));

        System.out.printf("NiFi, control, 2 JVMs: provider 429s %d, workers %s%n",
                cluster.emulator().stats().requestsWithStatus(429), run.workers());
        assertThat(cluster.emulator().stats().requestsWithStatus(429)).as("two nodes each at the full limit overshoot")
                .isPositive();
        assertThat(run.sum("rateLimited")).as("counted as rate limited by the nodes")
                .isGreaterThanOrEqualTo(cluster.emulator().stats().requestsWithStatus(429));
    }

    private BudgetCluster.Run run(int nodes, String budget, Duration duration) throws InterruptedException {
        return cluster.run(nodes, BudgetWorker.class, duration, cluster.emulator().baseUri().toString(), budget,
                "nifi-cluster-" + System.nanoTime(), String.valueOf(LIMIT), String.valueOf(WINDOW.toMillis()),
                String.valueOf(duration.toMillis()));
    }
}
