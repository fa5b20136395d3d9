/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofSeconds(1), Duration.ofSeconds(8));

    @Test
    void theBoundDoublesPerRetryUpToTheCap() {
        assertThat(policy.delayBefore(1, null, () -> 1.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(3, null, () -> 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayBefore(10, null, () -> 1.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void fullJitterDrawsBetweenZeroAndTheBound() {
        assertThat(policy.delayBefore(3, null, () -> 0.0)).isZero();
        assertThat(policy.delayBefore(3, null, () -> 0.25)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsAFloor() {
        assertThat(policy.delayBefore(1, Duration.ofSeconds(20), () -> 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayBefore(4, Duration.ofMillis(1), () -> 1.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void neitherOurLimiterNorAnUnreachableBudgetIsRetriedWithinTheCall() {
        assertThat(policy.retries(1, new SeedreamBudgetUnavailableException("Redis is away", null))).isFalse();
        assertThat(policy.retries(1, SeedreamRateLimitException.localLimit("waited enough"))).isFalse();
        assertThat(new SeedreamBudgetUnavailableException("Redis is away", null).isRetryable())
                .as("the caller may still try later").isTrue();
        assertThat(policy.retries(1, new SeedreamConnectionException("refused", null, new java.net.ConnectException())))
                .isTrue();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> policy.withMaxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> policy.withDelays(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("initialDelay <= maxDelay");
    }
}
