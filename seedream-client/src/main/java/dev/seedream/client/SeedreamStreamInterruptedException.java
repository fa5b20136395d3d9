/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * A {@code stream=true} response was cut: the transfer failed in the middle of the body, or the body ended cleanly
 * before any image event arrived. (A stream that ends cleanly after its images, with or without the completion
 * event, is a success.) The images that did arrive were already handed to the listener; {@link #imagesReceived()}
 * says how many. Retryable only when none arrived: repeating a request whose images were already delivered would
 * deliver (and bill) them twice.
 */
public class SeedreamStreamInterruptedException extends SeedreamConnectionException {

    private static final long serialVersionUID = 1L;

    /** Images that arrived before the cut. */
    private final int imagesReceived;

    /**
     * Creates the failure; it is retryable only when no image arrived.
     *
     * @param imagesReceived images that arrived before the cut
     * @param requestId      the request id, or null
     * @param cause          what cut the stream
     */
    public SeedreamStreamInterruptedException(int imagesReceived, String requestId, Throwable cause) {
        super("Seedream image stream was cut after " + imagesReceived + " image(s) arrived", "StreamInterrupted",
                requestId, imagesReceived == 0, cause);
        this.imagesReceived = imagesReceived;
    }

    /**
     * How many images arrived, and were handed to the listener, before the stream was cut.
     *
     * @return the number of images received
     */
    public int imagesReceived() {
        return imagesReceived;
    }
}
