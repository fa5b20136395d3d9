package dev.seedream.client;

/** The connection failed: refused, reset, or closed before a complete answer arrived. Retryable. */
public class SeedreamConnectionException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    public SeedreamConnectionException(String message, String requestId, Throwable cause) {
        this(message, "ConnectionFailed", requestId, true, cause);
    }

    protected SeedreamConnectionException(String message, String errorCode, String requestId, boolean retryable,
                                          Throwable cause) {
        super(withRequestId(message, requestId), 0, errorCode, requestId, retryable, cause);
    }
}
