/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * A shared {@link ImageBudget} could not be reached (its store is down or slow) and was set to fail rather than
 * fall back to a local share. No request was sent; retryable, as the store may be back for the next attempt.
 */
public class SeedreamBudgetUnavailableException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /** The error code of this failure. */
    public static final String CODE = "ImageBudgetUnavailable";

    /**
     * Creates the failure.
     *
     * @param message what happened
     * @param cause   the store's failure, or null
     */
    public SeedreamBudgetUnavailableException(String message, Throwable cause) {
        super(message, 0, CODE, null, true, cause);
    }
}
