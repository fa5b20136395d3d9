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
 * An asynchronous, first-come-first-served pool of permits. Without refill it is a semaphore (requests in
 * flight); with refill it is a token bucket (images per minute). Callers get a future instead of blocking, wait at
 * most their own deadline, and beyond {@code maxWaiting} queued callers are refused at once — no unbounded queue.
 */
final class PermitPool {

    private final String description;
    private final double capacity;
    private final double refillPerNano;
    private final int maxWaiting;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private double available;
    private long lastRefill;
    private ScheduledFuture<?> wakeup;

    private PermitPool(String description, double capacity, double refillPerNano, int maxWaiting,
                       ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.description = description;
        this.capacity = capacity;
        this.refillPerNano = refillPerNano;
        this.maxWaiting = maxWaiting;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.available = capacity;
        this.lastRefill = nanoTime.getAsLong();
    }

    /** A semaphore of {@code permits} (0 = unlimited). */
    static PermitPool semaphore(String description, int permits, int maxWaiting, ScheduledExecutorService scheduler) {
        return new PermitPool(description, permits, 0, maxWaiting, scheduler, System::nanoTime);
    }

    /** A token bucket of {@code perMinute} tokens refilled continuously (0 = unlimited). */
    static PermitPool perMinute(String description, int perMinute, int maxWaiting,
                                ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        return new PermitPool(description, perMinute, perMinute / 60e9, maxWaiting, scheduler, nanoTime);
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
            refill();
            if (waiters.isEmpty() && available >= waiter.amount) {
                available -= waiter.amount;
                return CompletableFuture.completedFuture(null);
            }
            if (waiters.size() >= maxWaiting) {
                return CompletableFuture.failedFuture(SeedreamRateLimitException.localLimit(
                        "Too many callers (" + maxWaiting + ") already wait for " + description));
            }
            waiters.addLast(waiter);
            waiter.timeout = scheduler.schedule(() -> expire(waiter, maxWait), maxWait.toNanos(), TimeUnit.NANOSECONDS);
            scheduleWakeup();
        }
        return waiter.future;
    }

    /** Returns permits: a finished request, or images reserved but not generated. */
    void release(double amount) {
        if (isUnlimited() || amount <= 0) {
            return;
        }
        List<Waiter> granted;
        synchronized (this) {
            refill();
            available = Math.min(capacity, available + amount);
            granted = grant();
        }
        granted.forEach(Waiter::complete);
    }

    synchronized int waiting() {
        return waiters.size();
    }

    synchronized double available() {
        refill();
        return available;
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
        List<Waiter> granted;
        synchronized (this) {
            wakeup = null;
            refill();
            granted = grant();
            scheduleWakeup();
        }
        granted.forEach(Waiter::complete);
    }

    private List<Waiter> grant() {
        List<Waiter> granted = new ArrayList<>();
        while (!waiters.isEmpty() && available >= waiters.peekFirst().amount) {
            Waiter next = waiters.pollFirst();
            available -= next.amount;
            granted.add(next);
        }
        return granted;
    }

    /** With refill, wakes up when the head waiter's tokens will have accumulated. */
    private void scheduleWakeup() {
        if (refillPerNano == 0 || waiters.isEmpty() || wakeup != null) {
            return;
        }
        double missing = waiters.peekFirst().amount - available;
        long delay = Math.max(1, (long) Math.ceil(missing / refillPerNano));
        wakeup = scheduler.schedule(this::onWake, delay, TimeUnit.NANOSECONDS);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        if (refillPerNano > 0) {
            available = Math.min(capacity, available + (now - lastRefill) * refillPerNano);
        }
        lastRefill = now;
    }

    private static final class Waiter {
        final double amount;
        final CompletableFuture<Void> future = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(double amount) {
            this.amount = amount;
        }

        void complete() {
            timeout.cancel(false);
            future.complete(null);
        }
    }
}
