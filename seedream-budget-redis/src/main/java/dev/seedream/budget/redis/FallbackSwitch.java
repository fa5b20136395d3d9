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
 */
final class FallbackSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(RedisImageBudget.class);

    private final String address;
    private final Duration timeout;
    private final Duration retryPause;
    private final String fallbackAction;
    private final RedisImageBudget.FallbackListener listener;
    private final AtomicLong switches = new AtomicLong();
    /** System.nanoTime() until which Redis is not asked; 0 while it is in use. */
    private final AtomicLong until = new AtomicLong();

    FallbackSwitch(String address, Duration timeout, Duration retryPause, RedisImageBudget.Fallback fallback,
                   RedisImageBudget.FallbackListener listener) {
        this.address = address;
        this.timeout = timeout;
        this.retryPause = retryPause;
        this.fallbackAction = fallback == RedisImageBudget.Fallback.LOCAL_SHARE ? "granting from a local share"
                : "failing calls";
        this.listener = listener;
    }

    /** Whether Redis is not being asked now because it was unreachable a moment ago. */
    boolean active() {
        long pauseEnds = until.get();
        return pauseEnds != 0 && System.nanoTime() - pauseEnds < 0;
    }

    /** Times the budget went to its fallback: once per retry pause while Redis stays unreachable. */
    long switches() {
        return switches.get();
    }

    /** A Redis call failed or took too long: the fallback for the next pause. */
    void redisFailed(Throwable failure) {
        long now = System.nanoTime();
        long previous = until.getAndSet(now + retryPause.toNanos());
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
        if (until.getAndSet(0) != 0) {
            String reason = "The shared image budget at " + address + " answers again: back on Redis";
            LOG.info(reason);
            tell(false, reason);
        }
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
