/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * The provider answered 200 but the body was not the documented JSON (truncated, malformed, wrong shape).
 * Retryable, though the images were probably generated and billed already.
 */
public class SeedreamMalformedResponseException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message    what was wrong with the body
     * @param httpStatus the HTTP status of the answer
     * @param requestId  the request id, or null
     * @param cause      the underlying failure, or null
     */
    public SeedreamMalformedResponseException(String message, int httpStatus, String requestId, Throwable cause) {
        super(withRequestId(message, requestId), httpStatus, "MalformedResponse", requestId, true, cause);
    }
}
