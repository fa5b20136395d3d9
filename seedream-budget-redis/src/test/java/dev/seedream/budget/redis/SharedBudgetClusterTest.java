/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.emulator.junit.BudgetCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate JVMs (not threads), each offering twice the account's limit, against the emulator enforcing that limit
 * over a shortened window: on one Redis budget the provider never says 429 and the budget is nearly all used; with
 * a per-JVM window at the full limit (the control) it says 429, so this test can fail.
 */
class SharedBudgetClusterTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int WINDOWS = 4;
    private static final Duration RUN = WINDOW.multipliedBy(WINDOWS);

    @RegisterExtension
    static final BudgetCluster cluster = BudgetCluster.of(LIMIT, WINDOW);

    @Test
    void twoJvmsOnOneRedisBudgetNeverMeetA429AndUseTheBudget() throws Exception {
        BudgetCluster.Run run = run(2, cluster.redis().uri(), RUN);

        assertThat(run.sum("provider429")).as("provider 429s: %s, %d images in the run", run.workers(),
                run.imagesInRun()).isZero();
        assertThat(run.sum("otherFailures")).isZero();
        double used = (double) run.imagesInRun() / (LIMIT * WINDOWS);
        System.out.printf("Shared budget, %d JVMs: %.1f %% used, workers %s%n", 2, used * 100, run.workers());
        assertThat(used).as("budget used: %d images of %d in %s", run.imagesInRun(), LIMIT * WINDOWS, RUN)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(run.sum("offered")).as("offered: twice the limit per node").isEqualTo(2L * 2 * LIMIT * WINDOWS);
        assertThat(run.sum("ended")).as("every call ended once").isEqualTo(run.sum("offered"));
        assertThat(cluster.emulator().stats().requestsWithStatus(429)).isZero();
    }

    @Test
    void theControlWithAFullLimitPerJvmMeets429s() throws Exception {
        BudgetCluster.Run run = run(2, "local", RUN);

        assertThat(run.sum("provider429")).as("two JVMs each at the full limit overshoot").isPositive();
        assertThat(cluster.emulator().stats().requestsWithStatus(429)).isEqualTo(run.sum("provider429"));
    }

    private BudgetCluster.Run run(int nodes, String budget, Duration duration) throws InterruptedException {
        return cluster.run(nodes, BudgetWorker.class, duration, "base=" + cluster.emulator().baseUri(),
                "budget=" + budget, "key=cluster-" + System.nanoTime(), "limit=" + LIMIT,
                "windowMs=" + WINDOW.toMillis(), "durationMs=" + duration.toMillis());
    }
}
