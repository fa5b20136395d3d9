/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where decoded image bytes go. The client decodes each {@code b64_json} value (or downloads each URL) straight
 * into a {@link Target}, so an image never exists as a base64 {@code String} — memory stays flat at 4K.
 * {@link ImageSinks} has the common ones (memory, directory, discard).
 *
 * @param <T> what a completed image becomes (byte[], Path, …)
 */
public interface ImageSink<T> {

    /**
     * Opens the destination for the {@code ordinal}-th image of a response (0-based arrival order). May be called
     * from a client thread; must not block for long.
     *
     * @param ordinal the image's position in arrival order, from 0
     * @return the image's destination
     * @throws IOException when the destination cannot be opened
     */
    Target<T> open(int ordinal) throws IOException;

    /**
     * Whether images answered as URLs ({@code response_format=url}) are downloaded into this sink.
     *
     * @return true to download them (the default)
     */
    default boolean fetchesUrls() {
        return true;
    }

    /**
     * One image's destination. The client writes, then calls exactly one of complete or discard.
     *
     * @param <T> what a completed image becomes
     */
    interface Target<T> {

        /**
         * Where the client writes the image's bytes.
         *
         * @return the stream for the bytes
         */
        OutputStream stream();

        /**
         * All bytes were written; returns the content handle. {@code mimeType} was detected from the bytes.
         *
         * @param mimeType the image's MIME type
         * @return the content handle, or null when the sink keeps nothing
         * @throws IOException when the content cannot be finished
         */
        T complete(String mimeType) throws IOException;

        /** The image or its call failed (a retry may follow): drop what was written, e.g. delete a file. */
        void discard();
    }
}
