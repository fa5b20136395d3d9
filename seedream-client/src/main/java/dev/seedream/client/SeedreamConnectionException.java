/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** The connection failed: refused, reset, or closed before a complete answer arrived. Retryable. */
public class SeedreamConnectionException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a retryable connection failure.
     *
     * @param message   what happened
     * @param requestId the request id, or null
     * @param cause     the underlying failure
     */
    public SeedreamConnectionException(String message, String requestId, Throwable cause) {
        this(message, "ConnectionFailed", requestId, true, cause);
    }

    /**
     * Creates a connection failure with its own code.
     *
     * @param message   what happened
     * @param errorCode the client's error code
     * @param requestId the request id, or null
     * @param retryable whether trying the same request again may succeed
     * @param cause     the underlying failure
     */
    protected SeedreamConnectionException(String message, String errorCode, String requestId, boolean retryable,
                                          Throwable cause) {
        super(withRequestId(message, requestId), 0, errorCode, requestId, retryable, cause);
    }
}
