/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before repeating a failed call. Only {@linkplain SeedreamException#isRetryable()
 * retryable} failures are repeated: 429, 5xx, 408, timeouts, connection failures, malformed bodies and streams cut
 * before their first image. Validation errors, 400/401/403/404 and content-policy refusals never are.
 *
 * <p>Billing: the API has no idempotency key. A 429 or a refused connection means nothing was generated, but a 5xx,
 * a timeout, a reset or a malformed body may come after the provider generated (and billed) the images. Such calls
 * are retried by default, since otherwise the images are lost anyway; set {@link #retryAfterSend(boolean)} to false
 * to retry only failures where nothing can have been generated (429 and refused connections).
 *
 * <p>Delays grow exponentially from {@code initialDelay} up to {@code maxDelay}, with full jitter (a uniform random
 * delay between 0 and that bound) so many clients do not retry in step; a {@code Retry-After} from the provider is a
 * floor. What bounds a whole call, retries included, is the client's
 * {@linkplain SeedreamClient.Builder#callTimeout call timeout}; no retry is scheduled past it.
 *
 * @param maxRetries     retries after the first attempt (0 = none)
 * @param initialDelay   backoff bound before the first retry
 * @param maxDelay       cap of the backoff bound
 * @param retryAfterSend whether failures that may follow a generation are retried
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, boolean retryAfterSend) {

    /** Checks the values: {@code maxRetries >= 0} and {@code 0 <= initialDelay <= maxDelay}, neither null. */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /**
     * 3 retries, 1 s growing to 30 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), true);
    }

    /**
     * A policy that never retries.
     *
     * @return a policy with no retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, true);
    }

    /**
     * A copy with another number of retries.
     *
     * @param retries retries after the first attempt, 0 or more
     * @return the copy
     */
    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, initialDelay, maxDelay, retryAfterSend);
    }

    /**
     * A copy with other backoff bounds.
     *
     * @param initial backoff bound before the first retry, not negative
     * @param max     cap of the backoff bound, at least {@code initial}
     * @return the copy
     */
    public RetryPolicy withDelays(Duration initial, Duration max) {
        return new RetryPolicy(maxRetries, initial, max, retryAfterSend);
    }

    /**
     * A copy that does or does not retry failures that may follow a generation.
     *
     * @param retry whether such failures are retried
     * @return the copy
     */
    public RetryPolicy retryAfterSend(boolean retry) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, retry);
    }

    /**
     * Whether this policy retries {@code failure}, the outcome of attempt {@code attempt} (1-based): a
     * {@linkplain SeedreamException#isRetryable() retryable} failure within {@link #maxRetries()}, and without
     * {@link #retryAfterSend()} only where nothing can have been generated. Never the client's own limiter (the call
     * has waited its {@code maxLimitWait} already) nor a shared budget that cannot be reached and is set to fail
     * ({@link SeedreamBudgetUnavailableException}: it does not ask its store again before its retry pause, so a
     * retry within the call would fail alike). Both stay retryable for the caller: NiFi routes them to
     * {@code retry}, Camel may redeliver.
     *
     * @param attempt the attempt that failed, from 1
     * @param failure its failure
     * @return true when the call is to be retried
     */
    public boolean retries(int attempt, SeedreamException failure) {
        boolean localLimit = failure instanceof SeedreamRateLimitException limited && limited.isLocalLimit();
        if (!failure.isRetryable() || attempt > maxRetries || localLimit
                || failure instanceof SeedreamBudgetUnavailableException) {
            return false;
        }
        return retryAfterSend || nothingGenerated(failure);
    }

    /** Only a 429 or a refused connection proves the provider generated nothing. */
    private static boolean nothingGenerated(SeedreamException failure) {
        return failure instanceof SeedreamRateLimitException
                || failure instanceof SeedreamConnectionException && failure.getCause() instanceof ConnectException;
    }

    /**
     * The wait before retry number {@code retry} (1-based): full jitter over the exponential bound, but at least
     * the provider's {@code Retry-After}.
     *
     * @param retry      the retry's number, from 1
     * @param retryAfter the provider's {@code Retry-After}, or null
     * @param random     supplies the jitter factor, from 0 to 1
     * @return the delay
     */
    public Duration delayBefore(int retry, Duration retryAfter, DoubleSupplier random) {
        double bound = initialDelay.toNanos() * Math.pow(2, Math.max(0, retry - 1));
        long jittered = (long) (Math.min(bound, maxDelay.toNanos()) * random.getAsDouble());
        Duration backoff = Duration.ofNanos(jittered);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
