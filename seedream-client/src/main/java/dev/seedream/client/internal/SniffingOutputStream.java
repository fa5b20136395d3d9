/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.ImageFormat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes bytes to a sink while counting them and keeping the first few, so the format is detected from content,
 * and refuses an image larger than the client's largest image size before the sink gets the excess: the server
 * does not decide how much memory or disk an image takes. Sink write failures become {@link SinkFailure}, so they
 * are not mistaken for a broken response body.
 */
final class SniffingOutputStream extends FilterOutputStream {

    private static final int HEAD_SIZE = 64;
    static final String UNKNOWN_TYPE = "application/octet-stream";

    private final byte[] head = new byte[HEAD_SIZE];
    private final long maxBytes;
    private long count;

    SniffingOutputStream(OutputStream sink, long maxBytes) {
        super(sink);
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(int b) throws IOException {
        checkRoomFor(1);
        if (count < HEAD_SIZE) {
            head[(int) count] = (byte) b;
        }
        count++;
        try {
            out.write(b);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        checkRoomFor(length);
        if (count < HEAD_SIZE) {
            System.arraycopy(bytes, offset, head, (int) count, (int) Math.min(length, HEAD_SIZE - count));
        }
        count += length;
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
    }

    private void checkRoomFor(int length) throws MalformedBodyException {
        if (count + length > maxBytes) {
            throw new MalformedBodyException("an image is larger than the largest image size of " + maxBytes
                    + " bytes (maxImageBytes)");
        }
    }

    long count() {
        return count;
    }

    String mimeType() {
        ImageFormat format = ImageFormat.detect(Arrays.copyOf(head, (int) Math.min(count, HEAD_SIZE)));
        return format == null ? UNKNOWN_TYPE : format.mimeType();
    }
}
