package dev.seedream.client;

/**
 * A {@code stream=true} response ended before its completion event. The images that did arrive were already
 * handed to the listener; {@link #imagesReceived()} says how many. Retryable only when none arrived: repeating a
 * request whose images were already delivered would deliver (and bill) them twice.
 */
public class SeedreamStreamInterruptedException extends SeedreamConnectionException {

    private static final long serialVersionUID = 1L;

    private final int imagesReceived;

    public SeedreamStreamInterruptedException(int imagesReceived, String requestId, Throwable cause) {
        super("Seedream image stream ended before completion after " + imagesReceived + " image(s) arrived"
                + (requestId == null ? "" : " [request id " + requestId + "]"), "StreamInterrupted", requestId,
                imagesReceived == 0, cause);
        this.imagesReceived = imagesReceived;
    }

    public int imagesReceived() {
        return imagesReceived;
    }
}
