/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * Receives images as soon as they arrive. With {@code stream=true} each image is handed over when its event
 * arrives, before the group is complete; without streaming, after the response has been read. Called on a client
 * thread: return quickly and do not block.
 *
 * @param <T> the sink's content type
 */
public interface ImageListener<T> {

    /**
     * An image was delivered and its content is complete in the sink.
     *
     * @param image the delivered image
     */
    void onImage(GeneratedImage<T> image);

    /**
     * An image of the group failed while others may still follow.
     *
     * @param failure the image that failed and why
     */
    default void onImageFailed(ImageFailure failure) {
    }

    /**
     * A listener that ignores every image.
     *
     * @param <T> the sink's content type
     * @return a listener that does nothing
     */
    static <T> ImageListener<T> none() {
        return image -> {
        };
    }
}
