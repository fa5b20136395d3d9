package dev.seedream.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bridges the body parts that AsyncHttpClient pushes from its I/O thread to a blocking {@link InputStream} that
 * Jackson's streaming parser pulls from a decoder thread. The I/O thread never blocks: parts are queued, and each
 * is released as soon as the parser has read it, so only the not-yet-parsed bytes are held.
 */
final class BodyPipe extends InputStream {

    private final Deque<byte[]> parts = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int position;
    private long buffered;
    private boolean finished;
    private boolean closed;
    private Throwable failure;

    /** Called by the I/O thread for each body part. Ignored once the reader has closed the pipe. */
    synchronized void append(byte[] part) {
        if (closed || part.length == 0) {
            return;
        }
        parts.addLast(part);
        buffered += part.length;
        notifyAll();
    }

    /** The body ended normally. */
    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /** The transfer failed; the reader gets an IOException with this cause once the queued bytes are read. */
    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    synchronized long bufferedBytes() {
        return buffered;
    }

    synchronized boolean isEnded() {
        return finished || failure != null;
    }

    /** The transport failure, if the body did not end normally. */
    synchronized Throwable failure() {
        return failure;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!awaitData()) {
            return -1;
        }
        buffered--;
        return current[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!awaitData()) {
            return -1;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, count);
        position += count;
        buffered -= count;
        return count;
    }

    @Override
    public synchronized int available() {
        return current.length - position;
    }

    @Override
    public synchronized void close() {
        closed = true;
        parts.clear();
        current = new byte[0];
        position = 0;
        buffered = 0;
    }

    private boolean awaitData() throws IOException {
        while (position == current.length) {
            byte[] next = parts.pollFirst();
            if (next != null) {
                current = next;
                position = 0;
            } else if (failure != null) {
                throw new IOException("Response body transfer failed: " + failure.getMessage(), failure);
            } else if (finished || closed) {
                return false;
            } else {
                waitForMore();
            }
        }
        return true;
    }

    private void waitForMore() throws InterruptedIOException {
        try {
            // No timeout needed: AsyncHttpClient's read and request timeouts always end the body with fail().
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading the response body");
        }
    }
}
