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
    void aTokenBucketRefillsOverTimeAndTakesBackUnusedImages() {
        AtomicLong now = new AtomicLong();
        PermitPool bucket = PermitPool.perMinute("images", 60, 10, scheduler, now::get);

        assertThat(bucket.acquire(15, Duration.ofSeconds(5))).isDone();
        assertThat(bucket.available()).isEqualTo(45.0);
        bucket.release(12);
        assertThat(bucket.available()).isEqualTo(57.0);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(bucket.available()).isEqualTo(59.0, org.assertj.core.data.Offset.offset(1e-9));
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(bucket.available()).isEqualTo(60.0);
    }

    @Test
    void aRequestLargerThanTheBucketWaitsForAFullBucketInsteadOfForever() {
        AtomicLong now = new AtomicLong();
        PermitPool bucket = PermitPool.perMinute("images", 10, 10, scheduler, now::get);

        assertThat(bucket.acquire(15, Duration.ofSeconds(5))).isDone();
        assertThat(bucket.available()).isZero();
    }

    @Test
    void zeroMeansUnlimited() {
        PermitPool pool = PermitPool.semaphore("a slot", 0, 0, scheduler);

        for (int i = 0; i < 1000; i++) {
            assertThat(pool.acquire(1, Duration.ZERO)).isDone();
        }
    }
}
