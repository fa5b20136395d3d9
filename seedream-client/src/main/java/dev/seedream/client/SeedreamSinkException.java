/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** The caller's {@link ImageSink} failed to store an image (disk full, closed stream). Not retried. */
public class SeedreamSinkException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message   what failed
     * @param requestId the request id, or null
     * @param cause     the sink's failure
     */
    public SeedreamSinkException(String message, String requestId, Throwable cause) {
        super(withRequestId(message, requestId), 0, "SinkFailed", requestId, false, cause);
    }
}
