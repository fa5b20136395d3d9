/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.SeedreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the budget is on Redis or in its fallback, and who hears of a change: a failed Redis call switches
 * every caller of the next {@code retryPause} to the fallback; the first answer afterwards switches back. The log
 * and the listener hear of an outage once, not of every failed retry while it lasts.
 *
 * <p>With a local share, it also says when this node is held to that share though Redis answers: from the outage
 * until a while after Redis is back. The other nodes may still be granting from their shares until their retry
 * pause ends, and an idle node never tells Redis what its share granted; both have left the window once a grant's
 * lifetime, a retry pause and a timeout have passed since this node's rejoin.
 */
final class FallbackSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(RedisImageBudget.class);

    private final String address;
    private final Duration timeout;
    private final Duration retryPause;
    private final String fallbackAction;
    private final RedisImageBudget.FallbackListener listener;
    private final AtomicLong switches = new AtomicLong();
    private final long shareAfterRejoinNanos;
    /** System.nanoTime() until which Redis is not asked; 0 while it is in use. Guarded by this. */
    private long until;
    /**
     * System.nanoTime() until which this node keeps to its local share; MAX_VALUE during an outage, MIN_VALUE when
     * it never did. Changed with {@link #until}, under the same lock, so the two cannot disagree.
     */
    private volatile long sharedUntil = Long.MIN_VALUE;

    /**
     * @param shareAfterRejoin how long after Redis is back this node still keeps to its local share; zero when the
     *                         fallback has no share (FAIL)
     */
    FallbackSwitch(String address, Duration timeout, Duration retryPause, RedisImageBudget.Fallback fallback,
                   RedisImageBudget.FallbackListener listener, Duration shareAfterRejoin) {
        this.address = address;
        this.timeout = timeout;
        this.retryPause = retryPause;
        this.fallbackAction = fallback == RedisImageBudget.Fallback.LOCAL_SHARE ? "granting from a local share"
                : "failing calls";
        this.listener = listener;
        this.shareAfterRejoinNanos = shareAfterRejoin.toNanos();
    }

    /** Whether Redis is not being asked now because it was unreachable a moment ago. */
    synchronized boolean active() {
        return until != 0 && System.nanoTime() - until < 0;
    }

    /** Whether this node keeps to its local share now: in fallback, or back on Redis for less than a grant's life. */
    boolean heldToShare() {
        long end = sharedUntil;
        return end == Long.MAX_VALUE || end != Long.MIN_VALUE && System.nanoTime() - end < 0;
    }

    /** Times the budget went to its fallback: once per retry pause while Redis stays unreachable. */
    long switches() {
        return switches.get();
    }

    /** A Redis call failed or took too long: the fallback for the next pause. */
    void redisFailed(Throwable failure) {
        long now = System.nanoTime();
        long previous;
        synchronized (this) {
            previous = until;
            until = now + retryPause.toNanos();
            if (shareAfterRejoinNanos > 0) {
                sharedUntil = Long.MAX_VALUE;
            }
        }
        if (previous == 0 || now - previous >= 0) { // not already in fallback: say so once
            switches.incrementAndGet();
            String reason = "The shared image budget at " + address + " failed or did not answer within "
                    + timeout.toMillis() + " ms (" + SeedreamException.unwrap(failure).getClass().getSimpleName()
                    + "); " + fallbackAction
                    + " for " + retryPause.toSeconds() + " s, then Redis again";
            LOG.warn(reason);
            if (previous == 0) { // was on Redis: a new outage, not a retry of one that goes on
                tell(true, reason);
            }
        }
    }

    /** Redis answered. */
    void redisAnswered() {
        synchronized (this) {
            if (until == 0) {
                return;
            }
            until = 0;
            if (shareAfterRejoinNanos > 0) {
                sharedUntil = System.nanoTime() + shareAfterRejoinNanos;
            }
        }
        String reason = "The shared image budget at " + address + " answers again: back on Redis";
        LOG.info(reason);
        tell(false, reason);
    }

    private void tell(boolean entered, String reason) {
        if (listener == null) {
            return;
        }
        try {
            if (entered) {
                listener.fallbackEntered(reason);
            } else {
                listener.fallbackLeft(reason);
            }
        } catch (RuntimeException e) {
            LOG.warn("The fallback listener failed: {}", e.toString());
        }
    }
}
