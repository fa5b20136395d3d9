/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;
import java.io.InputStream;

/** Decodes a successful response body of one attempt: plain JSON or a Server-Sent Event stream. */
final class BodyDecoder<T> {

    private final boolean stream;
    private final Decoding<T> decoding;

    private BodyDecoder(boolean stream, Decoding<T> decoding) {
        this.stream = stream;
        this.decoding = decoding;
    }

    /** @param maxItems the most items (images and item failures) the request can produce */
    static <T> BodyDecoder<T> of(ResponseReader reader, dev.seedream.client.ImageSink<T> sink,
                                 ItemHandler<T> handler, int maxItems) {
        return new BodyDecoder<>(reader instanceof SseResponseReader,
                (body, summary) -> reader.read(body, sink, handler, summary, maxItems));
    }

    boolean isStream() {
        return stream;
    }

    void decode(InputStream body, ResponseSummary summary) throws IOException {
        decoding.decode(body, summary);
    }

    @FunctionalInterface
    private interface Decoding<T> {
        void decode(InputStream body, ResponseSummary summary) throws IOException;
    }
}
