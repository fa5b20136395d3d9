/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * HTTP 429 {@code QuotaExceeded} (the trial or plan quota is used up) or {@code SetLimitExceeded} (the account's own
 * spend limit is reached). Unlike other 429s, waiting does not help: an operator has to raise the quota or the
 * limit, so the client never retries it and {@link #isRetryable()} is false. Route on this type to stop a pipeline
 * instead of spinning; it stays a {@link SeedreamRateLimitException} for code that treats every 429 alike.
 */
public class SeedreamQuotaExceededException extends SeedreamRateLimitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error what the provider answered
     */
    public SeedreamQuotaExceededException(ProviderError error) {
        super(error, null, false);
    }
}
