/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget.Grant;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.client.SeedreamRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The callers of one model in this JVM, first come first served: one call at a time asks for the callers at the
 * head — Redis, which grants the longest run of them that fits, or, while this node is held to its local share
 * (an outage, and a grant's lifetime after it), this node's {@link GrantLog} first. When nothing fits, the queue
 * asks again once enough images leave the window, or after a sixtieth of it at the latest, so images other nodes
 * give back (and the end of a fallback pause) are noticed soon.
 */
final class ModelQueue {

    private static final Logger LOG = LoggerFactory.getLogger(RedisImageBudget.class);
    /** Waiters one acquire call asks for: a backlog is served in a few calls, and a call's arguments stay small. */
    private static final int ASKS_PER_CALL = 64;

    private final BudgetContext budget;
    private final String key;
    private final GrantLog log;
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private boolean asking;
    /** System.nanoTime() before which the window is full (by Redis's answer or the local share); 0 if it may not be. */
    private long fullUntil;
    /** The one pending ask-again while the window is full: a new wait replaces it, so polls do not multiply. */
    private ScheduledFuture<?> poll;

    ModelQueue(BudgetContext budget, String key) {
        this.budget = budget;
        this.key = key;
        this.log = new GrantLog(budget.keepNanos());
    }

    /**
     * Queues a caller for {@code images}. It waits at most {@code maxWait}, plus the rest of a Redis call that asks
     * for it when the time runs out (at most the timeout): a caller with little wait left is not refused while the
     * answer that may grant it is on its way.
     */
    CompletableFuture<Grant> acquire(int images, Duration maxWait) {
        Waiter waiter = new Waiter(Math.max(1, Math.min(images, budget.limit())));
        if (budget.failWhenAway() && budget.fallback().active()) {
            waiter.fail(budget.unavailable());
            return waiter.future;
        }
        synchronized (this) {
            waiters.addLast(waiter);
        }
        try {
            waiter.expiry = budget.timer().schedule(() -> expire(waiter, maxWait), maxWait.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                waiters.remove(waiter);
            }
            waiter.fail(closed());
            return waiter.future;
        }
        ask();
        return waiter.future;
    }

    /** The budget is closing: every caller still waiting fails now, none is left hanging. */
    void close() {
        List<Waiter> left;
        synchronized (this) {
            left = new ArrayList<>(waiters);
            waiters.clear();
        }
        left.forEach(waiter -> waiter.fail(closed()));
    }

    private static SeedreamBudgetUnavailableException closed() {
        return new SeedreamBudgetUnavailableException("The image budget is closed", null);
    }

    synchronized int size() {
        return waiters.size();
    }

    private void expire(Waiter waiter, Duration maxWait) {
        synchronized (this) {
            waiter.waitedMillis = maxWait.toMillis();
            if (waiter.inAsk) {
                return; // the Redis call out for it ends this waiter, granted or not
            }
            waiters.remove(waiter);
        }
        failExpired(waiter);
    }

    private void failExpired(Waiter waiter) {
        waiter.fail(SeedreamRateLimitException.localLimit("Waited " + waiter.waitedMillis + " ms for the shared image "
                + "budget (" + budget.describeLimit() + ") without getting it"));
    }

    /** Called with the lock held once a Redis call for {@code heads} has ended: those expired meanwhile leave. */
    private List<Waiter> endAsk(List<Waiter> heads) {
        asking = false;
        List<Waiter> expired = new ArrayList<>();
        for (Waiter waiter : heads) {
            waiter.inAsk = false;
            if (waiter.waitedMillis >= 0 && waiters.remove(waiter)) {
                expired.add(waiter);
            }
        }
        return expired;
    }

    /** Serves the head of the queue, unless a Redis call is out already or the window is known to be full. */
    private void ask() {
        List<Waiter> heads;
        List<GrantLog.Entry> shares = List.of();
        boolean local;
        long now = System.nanoTime();
        synchronized (this) {
            if (asking || waiters.isEmpty() || fullUntil != 0 && now - fullUntil < 0) {
                return;
            }
            fullUntil = 0;
            local = budget.fallback().active();
            if (local && budget.failWhenAway()) {
                heads = new ArrayList<>(waiters);
                waiters.clear();
            } else {
                heads = heads(now, local || budget.fallback().heldToShare());
                if (heads.isEmpty() && (local || !log.hasUnseen(now))) {
                    // the local share is used up: wait until enough of it leaves the window
                    waitForRoom(log.nanosUntilRoom(shareOf(waiters.peekFirst()), budget.share(), now));
                    return;
                }
                if (local) {
                    waiters.removeAll(heads);
                    // logged under the queue's lock: a concurrent ask must see these images as used
                    shares = heads.stream().map(waiter -> log.addLocal(waiter.id, waiter.images, now)).toList();
                } else {
                    asking = true;
                    heads.forEach(waiter -> waiter.inAsk = true);
                }
            }
        }
        if (local && budget.failWhenAway()) {
            heads.forEach(waiter -> waiter.fail(budget.unavailable()));
        } else if (local) {
            for (int i = 0; i < heads.size(); i++) {
                hand(heads.get(i), shares.get(i), false);
            }
            ask();
        } else {
            askRedis(heads, now);
        }
    }

    /** Called with the lock held: the callers to ask for, all of which fit in the local share when held to it. */
    private List<Waiter> heads(long now, boolean heldToShare) {
        List<Waiter> heads = new ArrayList<>();
        int free = heldToShare ? budget.share() - log.used(now) : Integer.MAX_VALUE;
        for (Waiter waiter : waiters) {
            if (heads.size() == ASKS_PER_CALL || shareOf(waiter) > free) {
                break;
            }
            heads.add(waiter);
            free -= waiter.images;
        }
        return heads;
    }

    /** A request larger than the share waits for an empty share, not for ever. */
    private int shareOf(Waiter waiter) {
        return Math.min(waiter.images, budget.share());
    }

    /** Asks Redis for {@code heads}, writing the share's grants it has not seen first (also when no one fits). */
    private void askRedis(List<Waiter> heads, long now) {
        List<BudgetScripts.Backfill> backfills = log.unseenByRedis(now);
        List<BudgetScripts.Ask> asks = heads.stream()
                .map(waiter -> new BudgetScripts.Ask(waiter.id, waiter.images)).toList();
        budget.counters().redisCalls.incrementAndGet();
        budget.redis().commands().thenCompose(commands -> budget.scripts().acquire(commands, key, budget.limit(),
                        TimeUnit.NANOSECONDS.toMicros(budget.keepNanos()), backfills, asks))
                .orTimeout(budget.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((reply, failure) -> {
                    if (failure != null) {
                        // The callers stay queued and are served from the local share now; an ask Redis runs late
                        // after all (a paused server) grants under the same ids that the share then backfills.
                        budget.fallback().redisFailed(failure);
                        List<Waiter> expired;
                        synchronized (this) {
                            expired = endAsk(heads);
                        }
                        expired.forEach(this::failExpired);
                        ask();
                        return;
                    }
                    budget.fallback().redisAnswered();
                    log.seenByRedis(backfills).forEach(catchUp -> giveBackToRedis(catchUp, false));
                    List<Waiter> served = heads.subList(0, reply.granted());
                    List<GrantLog.Entry> grants;
                    List<Waiter> expired;
                    synchronized (this) {
                        waiters.removeAll(served);
                        long granted = System.nanoTime();
                        grants = served.stream().map(waiter -> log.addFromRedis(waiter.id, waiter.images, granted))
                                .toList();
                        expired = endAsk(heads.subList(reply.granted(), heads.size()));
                        served.forEach(waiter -> waiter.inAsk = false);
                    }
                    for (int i = 0; i < served.size(); i++) {
                        hand(served.get(i), grants.get(i), true);
                    }
                    expired.forEach(this::failExpired);
                    if (reply.granted() < heads.size()) {
                        synchronized (this) {
                            waitForRoom(TimeUnit.MICROSECONDS.toNanos(Math.max(1, reply.waitMicros())));
                        }
                    } else {
                        ask();
                    }
                });
    }

    /**
     * Called with the lock held: nothing fits now; ask again when enough images leave the window, or after a
     * sixtieth of it at the latest. Every waiter then waiting is counted once as a wait.
     */
    private void waitForRoom(long nanos) {
        long pause = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(nanos, budget.window().toNanos() / 60));
        fullUntil = System.nanoTime() + pause;
        budget.counters().waits.addAndGet(waiters.stream().filter(Waiter::countWait).count());
        if (poll != null) {
            poll.cancel(false);
        }
        try {
            poll = budget.timer().schedule(this::askAgain, pause, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            poll = null; // close() fails the waiters
        }
    }

    private void askAgain() {
        synchronized (this) {
            fullUntil = 0;
        }
        ask();
    }

    /** Counted before the caller hears of it; a caller that gave up meanwhile does not lose the images. */
    private void hand(Waiter waiter, GrantLog.Entry entry, boolean fromRedis) {
        BudgetCounters counters = budget.counters();
        counters.granted(fromRedis, waiter.images);
        if (!waiter.grant(new LoggedGrant(entry))) {
            counters.withdrawn(fromRedis, waiter.images);
            release(entry, waiter.images);
        }
    }

    /** Images back to the log, and to Redis when it holds the grant; best effort: else they leave with the grant. */
    private void release(GrantLog.Entry entry, int images) {
        GrantLog.GiveBack giveBack = log.giveBack(entry, images);
        if (giveBack == null || budget.fallback().active()) {
            askAgain();
        } else {
            giveBackToRedis(giveBack, true);
        }
    }

    private void giveBackToRedis(GrantLog.GiveBack giveBack, boolean thenAskAgain) {
        budget.counters().redisCalls.incrementAndGet();
        budget.redis().commands().thenCompose(commands -> budget.scripts().giveBack(commands, key, giveBack.member(),
                        giveBack.images()))
                .orTimeout(budget.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("Could not give {} images back to the shared budget: {}", giveBack.images(),
                                failure.toString());
                    }
                    if (thenAskAgain) {
                        askAgain();
                    }
                });
    }

    /** Images granted to one caller: unused ones go back to the same grant, and this JVM's waiters may take them. */
    private final class LoggedGrant implements Grant {
        private final GrantLog.Entry entry;

        LoggedGrant(GrantLog.Entry entry) {
            this.entry = entry;
        }

        @Override
        public void giveBack(int images) {
            if (images > 0) {
                budget.counters().imagesGivenBack.addAndGet(images);
                release(entry, images);
            }
        }
    }

    /** A caller; its id names its grant, whichever store makes it. */
    private static final class Waiter {
        final String id = UUID.randomUUID().toString();
        final int images;
        final CompletableFuture<Grant> future = new CompletableFuture<>();
        final AtomicBoolean waited = new AtomicBoolean();
        volatile ScheduledFuture<?> expiry;
        /** A Redis call out asks for this waiter. Guarded by the queue. */
        boolean inAsk;
        /** Its max wait in ms once it has run out (the call out for it then ends it); -1 before. Guarded by the queue. */
        long waitedMillis = -1;

        Waiter(int images) {
            this.images = images;
        }

        /** @return false when the caller is gone (timed out) and the grant must go back */
        boolean grant(Grant grant) {
            cancelExpiry();
            return future.complete(grant);
        }

        void fail(Throwable failure) {
            cancelExpiry();
            future.completeExceptionally(failure);
        }

        /** @return true the first time this waiter finds the window full */
        boolean countWait() {
            return waited.compareAndSet(false, true);
        }

        private void cancelExpiry() {
            ScheduledFuture<?> scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
