package dev.seedream.client;

/**
 * The TLS handshake failed on the server's certificate: not trusted (a private CA, a TLS-inspecting proxy) or not
 * valid for the host. Not retryable: the same settings fail the same way; give the client an {@code sslContext} that
 * trusts the server instead. A handshake that times out or loses its connection is a retryable
 * {@link SeedreamConnectionException}.
 */
public class SeedreamTlsException extends SeedreamConnectionException {

    private static final long serialVersionUID = 1L;

    public SeedreamTlsException(String message, String requestId, Throwable cause) {
        super(message, "TlsHandshakeFailed", requestId, false, cause);
    }
}
