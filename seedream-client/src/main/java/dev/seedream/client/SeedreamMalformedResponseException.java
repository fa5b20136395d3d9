package dev.seedream.client;

/**
 * The provider answered 200 but the body was not the documented JSON (truncated, malformed, wrong shape).
 * Retryable, though the images were probably generated and billed already.
 */
public class SeedreamMalformedResponseException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    public SeedreamMalformedResponseException(String message, int httpStatus, String requestId, Throwable cause) {
        super(withRequestId(message, requestId), httpStatus, "MalformedResponse", requestId, true, cause);
    }
}
