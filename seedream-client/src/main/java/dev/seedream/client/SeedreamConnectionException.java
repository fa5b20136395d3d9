package dev.seedream.client;

/** The connection failed: refused, reset, or closed before a complete answer arrived. Retryable. */
public class SeedreamConnectionException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    public SeedreamConnectionException(String message, Throwable cause) {
        super(message, 0, "ConnectionFailed", null, true, cause);
    }

    protected SeedreamConnectionException(String message, String errorCode, String requestId, boolean retryable,
                                          Throwable cause) {
        super(message, 0, errorCode, requestId, retryable, cause);
    }
}
