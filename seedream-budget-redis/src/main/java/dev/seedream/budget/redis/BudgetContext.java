/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.SeedreamBudgetUnavailableException;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every model's queue of one budget shares: its settings, its connection and scripts, its fallback state,
 * its timer and its counters.
 *
 * @param share        this node's local share of the limit (limit ÷ nodes, at least 1)
 * @param keepNanos    how long a grant counts: the window and its margin
 * @param failWhenAway whether calls fail while Redis is away, instead of taking the local share
 */
record BudgetContext(String budgetKey, int limit, int share, Duration window, long keepNanos, Duration timeout,
                     boolean failWhenAway, RedisLink redis, BudgetScripts scripts, FallbackSwitch fallback,
                     ScheduledExecutorService timer, BudgetCounters counters) {

    /** The limit as messages name it. */
    String describeLimit() {
        return limit + " images per " + window + ", key " + budgetKey;
    }

    /** The failure of a call made while Redis is away and the budget is set to fail. */
    SeedreamBudgetUnavailableException unavailable() {
        return new SeedreamBudgetUnavailableException("The shared image budget at " + redis.address()
                + " failed or did not answer within " + timeout.toMillis() + " ms; no request was sent", null);
    }
}
