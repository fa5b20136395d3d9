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
     */
    Target<T> open(int ordinal) throws IOException;

    /** Whether images answered as URLs ({@code response_format=url}) are downloaded into this sink. */
    default boolean fetchesUrls() {
        return true;
    }

    /** One image's destination. The client writes, then calls exactly one of complete or discard. */
    interface Target<T> {

        OutputStream stream();

        /** All bytes were written; returns the content handle. {@code mimeType} was detected from the bytes. */
        T complete(String mimeType) throws IOException;

        /** The image or its call failed (a retry may follow): drop what was written, e.g. delete a file. */
        void discard();
    }
}
