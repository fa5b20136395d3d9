/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's log of grants: what the share counts, what Redis is told on a rejoin, and give-backs on either side. */
class GrantLogTest {

    private static final long KEEP = TimeUnit.SECONDS.toNanos(3);

    private final GrantLog log = new GrantLog(KEEP);

    @Test
    void theShareCountsRedisGrantsAndLocalOnesUntilTheyLeaveTheWindow() {
        log.addFromRedis("a", 3, 0);
        log.addLocal("b", 2, TimeUnit.SECONDS.toNanos(1));

        assertThat(log.used(TimeUnit.SECONDS.toNanos(2))).isEqualTo(5);
        assertThat(log.nanosUntilRoom(2, 5, TimeUnit.SECONDS.toNanos(2))).as("a leaves at 3 s")
                .isEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(log.used(KEEP)).as("a has left").isEqualTo(2);
    }

    @Test
    void onlyTheShareGrantsAreBackfilledAndAGiveBackOnTheWayIsCaughtUp() {
        log.addFromRedis("a", 3, 0);
        GrantLog.Entry local = log.addLocal("b", 4, TimeUnit.MILLISECONDS.toNanos(500));

        List<BudgetScripts.Backfill> unseen = log.unseenByRedis(TimeUnit.SECONDS.toNanos(1));
        assertThat(unseen).extracting(BudgetScripts.Backfill::member).containsExactly("b:4");
        assertThat(unseen.get(0).ageMicros()).isEqualTo(500_000);

        assertThat(log.giveBack(local, 3)).as("Redis has not seen it: nothing to tell it yet").isNull();
        assertThat(log.seenByRedis(unseen)).as("Redis wrote b:4, of which 3 came back meanwhile")
                .containsExactly(new GrantLog.GiveBack("b:4", 3));
        assertThat(log.hasUnseen(TimeUnit.SECONDS.toNanos(1))).isFalse();
        assertThat(log.giveBack(local, 5)).as("Redis holds b:1 now").isEqualTo(new GrantLog.GiveBack("b:1", 1));
        assertThat(log.giveBack(local, 1)).as("nothing left").isNull();
        assertThat(log.used(TimeUnit.SECONDS.toNanos(1))).isEqualTo(3);
    }
}
