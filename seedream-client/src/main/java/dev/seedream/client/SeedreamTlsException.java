package dev.seedream.client;

/**
 * The TLS handshake failed: most often the server's certificate is not trusted (a private CA, a TLS-inspecting
 * proxy) or no protocol or cipher is shared. Not retryable: the same settings fail the same way; give the client an
 * {@code sslContext} that trusts the server instead.
 */
public class SeedreamTlsException extends SeedreamConnectionException {

    private static final long serialVersionUID = 1L;

    public SeedreamTlsException(String message, Throwable cause) {
        super(message, "TlsHandshakeFailed", null, false, cause);
    }
}
