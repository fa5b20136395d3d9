/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request's JSON body as a list of fixed-size chunks. Written once per call and re-sent as is on retries; with
 * 10 MB of inline references it costs one copy of the body, not the two or three of a growing byte array.
 */
final class RequestBody extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int position;

    private RequestBody() {
    }

    static List<byte[]> of(ClientRuntime.BodyWriter writer) {
        RequestBody body = new RequestBody();
        try {
            writer.writeTo(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the request body", e); // in memory: not expected
        }
        return body.finish();
    }

    @Override
    public void write(int b) {
        if (position == CHUNK) {
            nextChunk();
        }
        current[position++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int written = 0;
        while (written < length) {
            if (position == CHUNK) {
                nextChunk();
            }
            int count = Math.min(length - written, CHUNK - position);
            System.arraycopy(bytes, offset + written, current, position, count);
            position += count;
            written += count;
        }
    }

    private void nextChunk() {
        chunks.add(current);
        current = new byte[CHUNK];
        position = 0;
    }

    private List<byte[]> finish() {
        chunks.add(Arrays.copyOf(current, position));
        return List.copyOf(chunks);
    }
}
