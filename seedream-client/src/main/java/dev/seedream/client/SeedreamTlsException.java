/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * The TLS handshake failed on the server's certificate: not trusted (a private CA, a TLS-inspecting proxy) or not
 * valid for the host. Not retryable: the same settings fail the same way; give the client an {@code sslContext} that
 * trusts the server instead. A handshake that times out or loses its connection is a retryable
 * {@link SeedreamConnectionException}.
 */
public class SeedreamTlsException extends SeedreamConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param message   what the handshake failed on
     * @param requestId the request id, or null
     * @param cause     the handshake's failure
     */
    public SeedreamTlsException(String message, String requestId, Throwable cause) {
        super(message, "TlsHandshakeFailed", requestId, false, cause);
    }
}
