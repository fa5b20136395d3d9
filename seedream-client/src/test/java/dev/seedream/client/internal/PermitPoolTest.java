/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.SeedreamRateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermitPoolTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aSemaphoreGrantsWaitersInArrivalOrderAsPermitsReturn() {
        PermitPool pool = PermitPool.semaphore("a slot", 1, 10, scheduler);
        CompletableFuture<Void> first = pool.acquire(1, Duration.ofSeconds(5));
        CompletableFuture<Void> second = pool.acquire(1, Duration.ofSeconds(5));
        CompletableFuture<Void> third = pool.acquire(1, Duration.ofSeconds(5));

        assertThat(first).isDone();
        assertThat(second).isNotDone();
        assertThat(pool.waiting()).isEqualTo(2);
        pool.release(1);
        assertThat(second).isDone();
        assertThat(third).isNotDone();
        pool.release(1);
        assertThat(third).isDone();
    }

    @Test
    void aWaiterGivesUpAfterItsMaximumWait() {
        PermitPool pool = PermitPool.semaphore("a slot", 1, 10, scheduler);
        pool.acquire(1, Duration.ofSeconds(5));

        CompletableFuture<Void> late = pool.acquire(1, Duration.ofMillis(20));

        assertThatThrownBy(late::join).cause().isInstanceOfSatisfying(SeedreamRateLimitException.class,
                e -> assertThat(e.isLocalLimit()).isTrue());
        assertThat(pool.waiting()).isZero();
    }

    @Test
    void refusesAtOnceWhenTooManyAlreadyWait() {
        PermitPool pool = PermitPool.semaphore("a slot", 1, 1, scheduler);
        pool.acquire(1, Duration.ofSeconds(5));
        pool.acquire(1, Duration.ofSeconds(5));

        assertThat(pool.acquire(1, Duration.ofSeconds(5))).isCompletedExceptionally();
    }

    @Test
    void theMinuteWindowFreesEachGrantSixtyOneSecondsAfterItAndTakesBackUnusedImages() {
        AtomicLong now = new AtomicLong();
        PermitPool window = PermitPool.perMinute("images", 60, 10, scheduler, now::get);

        assertThat(window.acquire(15, Duration.ofSeconds(5))).isDone();
        assertThat(window.available()).isEqualTo(45);
        window.release(12); // 12 of the 15 reserved images were not generated
        assertThat(window.available()).isEqualTo(57);
        now.set(Duration.ofSeconds(30).toNanos());
        assertThat(window.acquire(50, Duration.ofSeconds(5))).isDone();
        assertThat(window.available()).isEqualTo(7);
        now.set(Duration.ofSeconds(61).toNanos());
        assertThat(window.available()).as("the first grant left the window").isEqualTo(10);
        now.set(Duration.ofSeconds(91).toNanos()); // the grant made at 30 s leaves too
        assertThat(window.available()).isEqualTo(60);
    }

    @Test
    void neverGrantsMoreThanTheLimitWithinAMinuteUnlikeAFullTokenBucket() {
        AtomicLong now = new AtomicLong();
        PermitPool window = PermitPool.perMinute("images", 60, 10, scheduler, now::get);
        assertThat(window.acquire(60, Duration.ofSeconds(5))).isDone();

        now.set(Duration.ofSeconds(60).toNanos()); // a bucket would have refilled all 60 permits by now
        CompletableFuture<Void> tooEarly = window.acquire(1, Duration.ofMillis(50));

        assertThatThrownBy(tooEarly::join).cause().isInstanceOf(SeedreamRateLimitException.class);
        now.set(Duration.ofSeconds(61).toNanos());
        assertThat(window.acquire(60, Duration.ofSeconds(5))).isDone();
    }

    @Test
    void aWaiterIsWokenWhenTheOldestGrantLeavesTheWindow() throws Exception {
        AtomicLong now = new AtomicLong();
        PermitPool window = PermitPool.perMinute("images", 5, 10, scheduler, now::get);
        window.acquire(5, Duration.ofSeconds(5));
        now.set(Duration.ofSeconds(61).minusMillis(1).toNanos()); // the wake-up is due in 1 ms

        CompletableFuture<Void> waiter = window.acquire(2, Duration.ofSeconds(5));
        Thread.sleep(20);
        assertThat(waiter).as("still inside the window").isNotDone();
        now.set(Duration.ofSeconds(61).toNanos());

        waiter.get(2, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(window.available()).isEqualTo(3);
    }

    @Test
    void aRequestLargerThanTheLimitWaitsForAnEmptyWindowInsteadOfForever() {
        AtomicLong now = new AtomicLong();
        PermitPool window = PermitPool.perMinute("images", 10, 10, scheduler, now::get);

        assertThat(window.acquire(15, Duration.ofSeconds(5))).isDone();
        assertThat(window.available()).isZero();
    }

    @Test
    void zeroMeansUnlimited() {
        PermitPool pool = PermitPool.semaphore("a slot", 0, 0, scheduler);

        for (int i = 0; i < 1000; i++) {
            assertThat(pool.acquire(1, Duration.ZERO)).isDone();
        }
    }
}
