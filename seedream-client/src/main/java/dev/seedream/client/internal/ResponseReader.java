/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seedream.client.ImageSink;

import java.io.IOException;
import java.io.InputStream;

/** Reads a successful response body — plain JSON or a stream of events — item by item into a sink. */
abstract class ResponseReader {

    protected final JsonFactory json;
    /** The largest image, decoded: a server decides nothing about our memory. */
    protected final long maxImageBytes;

    ResponseReader(JsonFactory json, long maxImageBytes) {
        this.json = json;
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * @param maxItems the most items the request can produce: more is a broken (or hostile) answer
     * @throws ErrorInBodyException the body reported a whole-request error
     */
    abstract <T> void read(InputStream body, ImageSink<T> sink, ItemHandler<T> handler, ResponseSummary summary,
                           int maxItems) throws IOException;
}
