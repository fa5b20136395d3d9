/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The earliest time the provider wants to hear from us again after a 429. The time only moves forward, so a short
 * {@code Retry-After} arriving after a long one cannot reopen the gate early (modelled on PublishSlack's RateLimit).
 */
final class RetryAfterGate {

    private final Clock clock;
    private final AtomicLong nextAllowedMillis = new AtomicLong();

    RetryAfterGate(Clock clock) {
        this.clock = clock;
    }

    /** Closes the gate for {@code wait} from now, unless it is already closed for longer. */
    void retryAfter(Duration wait) {
        long until = clock.millis() + Math.max(0, wait.toMillis());
        nextAllowedMillis.accumulateAndGet(until, Math::max);
    }

    boolean isClosed() {
        return clock.millis() < nextAllowedMillis.get();
    }
}
