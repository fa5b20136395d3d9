/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * No (complete) answer in time: connect, read or request timeout, or the caller's overall deadline. When the
 * request had already been sent, the provider may still have generated and billed the images.
 */
public class SeedreamTimeoutException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message   what timed out
     * @param retryable whether trying the same request again may succeed
     * @param requestId the request id, or null
     * @param cause     the underlying failure, or null
     */
    public SeedreamTimeoutException(String message, boolean retryable, String requestId, Throwable cause) {
        super(withRequestId(message, requestId), 0, "Timeout", requestId, retryable, cause);
    }
}
