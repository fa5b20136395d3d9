package dev.seedream.client.internal;

import dev.seedream.client.ImageFormat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes bytes to a sink while counting them and keeping the first few, so the format is detected from content.
 * Sink write failures become {@link SinkFailure}, so they are not mistaken for a broken response body.
 */
final class SniffingOutputStream extends FilterOutputStream {

    private static final int HEAD_SIZE = 64;
    static final String UNKNOWN_TYPE = "application/octet-stream";

    private final byte[] head = new byte[HEAD_SIZE];
    private long count;

    SniffingOutputStream(OutputStream sink) {
        super(sink);
    }

    @Override
    public void write(int b) throws IOException {
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

    long count() {
        return count;
    }

    String mimeType() {
        ImageFormat format = ImageFormat.detect(Arrays.copyOf(head, (int) Math.min(count, HEAD_SIZE)));
        return format == null ? UNKNOWN_TYPE : format.mimeType();
    }
}
