/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import java.util.concurrent.atomic.AtomicLong;

/** What one budget counted since it was built, all models together; reported as {@code ImageBudget.Metrics}. */
final class BudgetCounters {

    final AtomicLong grants = new AtomicLong();
    final AtomicLong fallbackGrants = new AtomicLong();
    final AtomicLong waits = new AtomicLong();
    final AtomicLong redisCalls = new AtomicLong();
    final AtomicLong imagesGranted = new AtomicLong();
    final AtomicLong imagesGivenBack = new AtomicLong();

    /** A grant of Redis or of the local share. */
    void granted(boolean fromRedis, int images) {
        (fromRedis ? grants : fallbackGrants).incrementAndGet();
        imagesGranted.addAndGet(images);
    }

    /** A grant whose caller had gone (timed out): it was never handed out. */
    void withdrawn(boolean fromRedis, int images) {
        (fromRedis ? grants : fallbackGrants).decrementAndGet();
        imagesGranted.addAndGet(-images);
    }
}
