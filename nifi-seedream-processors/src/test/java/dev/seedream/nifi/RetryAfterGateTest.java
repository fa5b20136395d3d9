/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterGateTest {

    private final SteppedClock clock = new SteppedClock();
    private final RetryAfterGate gate = new RetryAfterGate(clock);

    @Test
    void isOpenUntilARetryAfterClosesItForExactlyThatLong() {
        assertThat(gate.isClosed()).isFalse();

        gate.retryAfter(Duration.ofSeconds(30));

        assertThat(gate.isClosed()).isTrue();
        clock.advance(Duration.ofMillis(29_999));
        assertThat(gate.isClosed()).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(gate.isClosed()).isFalse();
    }

    @Test
    void aShorterRetryAfterArrivingLaterCannotReopenTheGateEarly() {
        gate.retryAfter(Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(10));

        gate.retryAfter(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(5));

        assertThat(gate.isClosed()).isTrue();
        clock.advance(Duration.ofSeconds(45));
        assertThat(gate.isClosed()).isFalse();
    }

    @Test
    void aLongerOneExtendsItAndANegativeOneDoesNothing() {
        gate.retryAfter(Duration.ofSeconds(1));
        gate.retryAfter(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(5));
        assertThat(gate.isClosed()).isTrue();

        clock.advance(Duration.ofSeconds(5));
        gate.retryAfter(Duration.ofSeconds(-30));
        assertThat(gate.isClosed()).isFalse();
    }

    /** A clock the test moves by hand. */
    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
