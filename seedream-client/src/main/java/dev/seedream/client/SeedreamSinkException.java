package dev.seedream.client;

/** The caller's {@link ImageSink} failed to store an image (disk full, closed stream). Not retried. */
public class SeedreamSinkException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    public SeedreamSinkException(String message, String requestId, Throwable cause) {
        super(withRequestId(message, requestId), 0, "SinkFailed", requestId, false, cause);
    }
}
