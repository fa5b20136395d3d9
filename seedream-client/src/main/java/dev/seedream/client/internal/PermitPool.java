/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.SeedreamRateLimitException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An asynchronous, first-come-first-served pool of permits: a semaphore (requests in flight) or a sliding
 * window (images per minute, counted the way the provider counts them). Callers get a future instead of
 * blocking, wait at most their own deadline, and beyond {@code maxWaiting} queued callers are refused at once — no
 * unbounded queue.
 */
final class PermitPool {

    private final String description;
    private final int capacity;
    private final Ledger ledger;
    private final int maxWaiting;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private ScheduledFuture<?> wakeup;

    private PermitPool(String description, int capacity, Ledger ledger, int maxWaiting,
                       ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.description = description;
        this.capacity = capacity;
        this.ledger = ledger;
        this.maxWaiting = maxWaiting;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
    }

    /** A semaphore of {@code permits} (0 = unlimited). */
    static PermitPool semaphore(String description, int permits, int maxWaiting, ScheduledExecutorService scheduler) {
        return new PermitPool(description, permits, new Semaphore(permits), maxWaiting, scheduler, System::nanoTime);
    }

    /**
     * At most {@code perMinute} permits in any 60 seconds (0 = unlimited). A sliding window, not a token bucket: a
     * bucket that starts full lets through its burst plus a minute's refill within the first minute, which a
     * provider counting a sliding minute answers with 429s.
     */
    static PermitPool perMinute(String description, int perMinute, int maxWaiting,
                                ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        return slidingWindow(description, perMinute, Duration.ofMinutes(1), maxWaiting, scheduler, nanoTime);
    }

    /** At most {@code limit} permits in any {@code window}: a minute, or a few seconds in tests. */
    static PermitPool slidingWindow(String description, int limit, Duration window, int maxWaiting,
                                    ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        return new PermitPool(description, limit, new SlidingWindow(limit, window), maxWaiting, scheduler, nanoTime);
    }

    boolean isUnlimited() {
        return capacity <= 0;
    }

    /**
     * Takes {@code amount} permits (capped at the capacity, so a large request cannot wait forever). The future
     * completes when they are held, or fails with a local {@link SeedreamRateLimitException} after {@code maxWait}.
     */
    CompletableFuture<Void> acquire(int amount, Duration maxWait) {
        if (isUnlimited()) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter waiter = new Waiter(Math.min(amount, capacity));
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (waiters.isEmpty() && ledger.available(now) >= waiter.amount) {
                ledger.take(waiter.amount, now);
                return CompletableFuture.completedFuture(null);
            }
            if (waiters.size() >= maxWaiting) {
                return CompletableFuture.failedFuture(SeedreamRateLimitException.localLimit(
                        "Too many callers (" + maxWaiting + ") already wait for " + description));
            }
            waiters.addLast(waiter);
            waiter.timeout = scheduler.schedule(() -> expire(waiter, maxWait), maxWait.toNanos(), TimeUnit.NANOSECONDS);
            scheduleWakeup(now);
        }
        return waiter.future;
    }

    /** Returns permits: a finished request, or images reserved but not generated. */
    void release(int amount) {
        if (isUnlimited() || amount <= 0) {
            return;
        }
        synchronized (this) {
            ledger.giveBack(amount);
        }
        onWake();
    }

    synchronized int waiting() {
        return waiters.size();
    }

    synchronized int available() {
        return ledger.available(nanoTime.getAsLong());
    }

    private void expire(Waiter waiter, Duration maxWait) {
        synchronized (this) {
            if (!waiters.remove(waiter)) {
                return;
            }
        }
        waiter.future.completeExceptionally(SeedreamRateLimitException.localLimit(
                "Waited " + maxWait.toMillis() + " ms for " + description + " without getting it"));
        onWake();
    }

    private void onWake() {
        List<Waiter> granted = new ArrayList<>();
        synchronized (this) {
            wakeup = null;
            long now = nanoTime.getAsLong();
            while (!waiters.isEmpty() && ledger.available(now) >= waiters.peekFirst().amount) {
                Waiter next = waiters.pollFirst();
                ledger.take(next.amount, now);
                granted.add(next);
            }
            scheduleWakeup(now);
        }
        granted.forEach(Waiter::complete); // outside the lock: completing runs the callers' continuations
    }

    /** When permits come back with time (the window slides), wakes up once the head waiter's share is free. */
    private void scheduleWakeup(long now) {
        if (waiters.isEmpty() || wakeup != null) {
            return;
        }
        long delay = ledger.nanosUntilAvailable(waiters.peekFirst().amount, now);
        if (delay >= 0) {
            wakeup = scheduler.schedule(this::onWake, Math.max(1, delay), TimeUnit.NANOSECONDS);
        }
    }

    /** How permits are counted. Called with the pool's lock held. */
    private interface Ledger {
        int available(long now);

        void take(int amount, long now);

        void giveBack(int amount);

        /** Nanoseconds until {@code amount} will be free without any release, or -1 if only a release frees it. */
        long nanosUntilAvailable(int amount, long now);
    }

    private static final class Semaphore implements Ledger {
        private final int permits;
        private int used;

        Semaphore(int permits) {
            this.permits = permits;
        }

        @Override
        public int available(long now) {
            return permits - used;
        }

        @Override
        public void take(int amount, long now) {
            used += amount;
        }

        @Override
        public void giveBack(int amount) {
            used = Math.max(0, used - amount);
        }

        @Override
        public long nanosUntilAvailable(int amount, long now) {
            return -1;
        }
    }

    /**
     * Grants of the last window, oldest first. A grant stays a sixtieth longer than the window (61 s of a minute):
     * the provider starts its own window when the request arrives, a little after our grant, and would still count
     * it otherwise.
     */
    private static final class SlidingWindow implements Ledger {
        private final long keep;
        private final int limit;
        private final Deque<long[]> grants = new ArrayDeque<>(); // {time, amount}
        private int used;

        SlidingWindow(int limit, Duration window) {
            this.limit = limit;
            this.keep = window.toNanos() + window.toNanos() / 60;
        }

        @Override
        public int available(long now) {
            while (!grants.isEmpty() && now - grants.peekFirst()[0] >= keep) {
                used -= (int) grants.pollFirst()[1];
            }
            return limit - used;
        }

        @Override
        public void take(int amount, long now) {
            grants.addLast(new long[]{now, amount});
            used += amount;
        }

        /** Unused reservations come off the newest grants: those images were never generated. */
        @Override
        public void giveBack(int amount) {
            int left = amount;
            while (left > 0 && !grants.isEmpty()) {
                long[] newest = grants.peekLast();
                int back = (int) Math.min(left, newest[1]);
                newest[1] -= back;
                used -= back;
                left -= back;
                if (newest[1] == 0) {
                    grants.pollLast();
                }
            }
        }

        @Override
        public long nanosUntilAvailable(int amount, long now) {
            int free = available(now);
            for (long[] grant : grants) {
                if (free >= amount) {
                    break;
                }
                free += (int) grant[1];
                if (free >= amount) {
                    return grant[0] + keep - now;
                }
            }
            return free >= amount ? 0 : -1;
        }
    }

    private static final class Waiter {
        final int amount;
        final CompletableFuture<Void> future = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(int amount) {
            this.amount = amount;
        }

        void complete() {
            timeout.cancel(false);
            future.complete(null);
        }
    }
}
