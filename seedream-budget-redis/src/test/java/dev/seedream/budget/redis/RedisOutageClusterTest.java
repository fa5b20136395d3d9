/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.emulator.junit.BudgetCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two JVMs, each offering twice the account's limit with the client's default retries, while Redis is stopped
 * (SIGSTOP) for one window in the middle of the run and then resumed. The emulator enforces the limit and is read at
 * every window's end, so the 429s are counted per window by the server, not by the nodes.
 */
class RedisOutageClusterTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int WINDOWS = 6;
    /** Redis is stopped for the third window: two windows on Redis before it, three after it. */
    private static final int OUTAGE = 2;
    private static final Duration MAX_LIMIT_WAIT = WINDOW.multipliedBy(2);

    @RegisterExtension
    static final BudgetCluster cluster = BudgetCluster.of(LIMIT, WINDOW);

    @Test
    void aStoppedRedisCostsAFew429sInItsFirstWindowAndNoneAfterItsReturn() throws Exception {
        BudgetCluster.WindowedRun windowed = cluster.runByWindow(2, BudgetWorker.class, WINDOWS, ended -> {
            if (ended == OUTAGE) {
                cluster.redis().pause();
            } else if (ended == OUTAGE + 1) {
                cluster.redis().resume();
            }
        }, "base=" + cluster.emulator().baseUri(), "budget=" + cluster.redis().uri(), "key=outage-" + System.nanoTime(),
                "limit=" + LIMIT, "windowMs=" + WINDOW.toMillis(), "durationMs=" + WINDOW.multipliedBy(WINDOWS).toMillis(),
                "timeoutMs=500", "retryPauseMs=" + WINDOW.multipliedBy(5).dividedBy(3).toMillis(),
                "maxWaitMs=" + MAX_LIMIT_WAIT.toMillis(), "retries=3");

        BudgetCluster.Run run = windowed.run();
        List<Long> per429Window = windowed.rejectedPerWindow();
        List<Long> perImageWindow = windowed.imagesPerWindow();
        long longestCallMs = run.workers().stream().mapToLong(values -> values.get("callMaxMicros")).max()
                .orElseThrow() / 1000;
        System.out.printf("Redis stopped in window %d: 429s per window %s, images per window %s, %d images in the run"
                        + " (budget %d), longest call %d ms, workers %s%n", OUTAGE, per429Window, perImageWindow,
                run.imagesInRun(), LIMIT * WINDOWS, longestCallMs, run.workers());

        assertThat(run.sum("ended")).as("every call ended once").isEqualTo(run.sum("offered"));
        assertThat(run.sum("otherFailures")).isZero();
        assertThat(per429Window.subList(0, OUTAGE)).as("429s per window on Redis, before the outage")
                .containsOnly(0L);
        assertThat(per429Window.get(OUTAGE)).as("429s in the outage's first window").isLessThanOrEqualTo(LIMIT / 4);
        assertThat(per429Window.subList(OUTAGE + 1, WINDOWS)).as("429s per window after it, %s", per429Window)
                .containsOnly(0L);
        assertThat((double) run.imagesInRun() / (LIMIT * WINDOWS)).as("budget used: %s per window", perImageWindow)
                .isGreaterThanOrEqualTo(0.9);
        assertThat(Duration.ofMillis(longestCallMs)).as("longest call: its maxLimitWait and its attempts")
                .isLessThan(MAX_LIMIT_WAIT.plusSeconds(2));
    }
}
