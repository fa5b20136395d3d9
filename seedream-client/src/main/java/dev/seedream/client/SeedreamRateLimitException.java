/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429 from the provider (rate limit, overload), or the client's own images-per-minute / in-flight limit when a
 * caller waited longer than allowed. Retried with backoff, honouring {@link #retryAfter()} when the provider sends
 * it (no source shows it on image 429s). An exhausted quota or spend limit is the subclass
 * {@link SeedreamQuotaExceededException}, which is not retryable.
 */
public class SeedreamRateLimitException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    /** Client code used when the local limiter, not the provider, refused to wait any longer. */
    public static final String LOCAL_LIMIT_CODE = "ClientRateLimitTimeout";

    /** The provider's {@code Retry-After}, or null. */
    private final Duration retryAfter;

    /**
     * Creates a retryable rate-limit failure from the provider's answer.
     *
     * @param error      what the provider answered
     * @param retryAfter the provider's {@code Retry-After}, or null when it sent none
     */
    public SeedreamRateLimitException(ProviderError error, Duration retryAfter) {
        this(error, retryAfter, true);
    }

    /**
     * Creates a rate-limit failure from the provider's answer.
     *
     * @param error      what the provider answered
     * @param retryAfter the provider's {@code Retry-After}, or null when it sent none
     * @param retryable  whether trying the same request again may succeed
     */
    protected SeedreamRateLimitException(ProviderError error, Duration retryAfter, boolean retryable) {
        super(error, retryable);
        this.retryAfter = retryAfter;
    }

    private SeedreamRateLimitException(String message) {
        super(message, new ProviderError(0, LOCAL_LIMIT_CODE, message, null, null), true);
        this.retryAfter = null;
    }

    /**
     * The client's own limiter gave up waiting; no request was sent.
     *
     * @param message why the limiter gave up
     * @return the failure, with {@link #LOCAL_LIMIT_CODE}
     */
    public static SeedreamRateLimitException localLimit(String message) {
        return new SeedreamRateLimitException(message);
    }

    /**
     * Whether the client's own limiter (not the provider) refused.
     *
     * @return true for the client's own limiter
     */
    public boolean isLocalLimit() {
        return LOCAL_LIMIT_CODE.equals(errorCode());
    }

    /**
     * How long the provider asked us to wait ({@code Retry-After}), when it said.
     *
     * @return the wait, if the provider sent one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
