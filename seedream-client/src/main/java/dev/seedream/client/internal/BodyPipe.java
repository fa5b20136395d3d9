/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bridges the body parts that AsyncHttpClient pushes from its I/O thread to a blocking {@link InputStream} that
 * Jackson's streaming parser pulls from a decoder thread. The I/O thread never blocks: parts are queued, and each
 * is released as soon as the parser has read it, so only the not-yet-parsed bytes are held — at most
 * {@code maxQueued} of them: a body that runs further ahead of its decoding (a slow sink, or a hostile body built to
 * be slow to parse) fails the call instead of filling the heap. AsyncHttpClient reads on by itself, so stopping
 * the socket is not an option.
 */
final class BodyPipe extends InputStream {

    private final long maxQueued;

    private final Deque<byte[]> parts = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int position;
    private long buffered;
    private boolean finished;
    private boolean closed;
    private Throwable failure;

    BodyPipe(long maxQueued) {
        this.maxQueued = maxQueued;
    }

    /**
     * Called by the I/O thread for each body part; returns false when the rest of the body is not wanted: the
     * reader closed the pipe, or it fell too far behind (the reader then fails).
     */
    synchronized boolean append(byte[] part) {
        if (closed || failure != null) {
            return false;
        }
        if (part.length == 0) {
            return true;
        }
        if (buffered + part.length > maxQueued) {
            fail(new SinkFailure(new IOException("the response arrived more than " + maxQueued
                    + " bytes ahead of its decoding (a slow image sink, or a body built to be slow to read)")));
            parts.clear();
            buffered = 0;
            return false;
        }
        parts.addLast(part);
        buffered += part.length;
        notifyAll();
        return true;
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
                throw new BodyTransferException(failure);
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
