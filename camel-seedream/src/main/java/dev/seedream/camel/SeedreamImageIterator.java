/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.seedream.client.GeneratedImage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;

/**
 * The body of a streaming exchange: yields one {@link Message} per image as the images arrive, blocking until the
 * next one does. Each message is a copy of the exchange's message (so upstream headers survive a split) with the
 * image as body and its index, size and MIME type (also as Content-Type) as headers; Camel's splitter uses such a
 * message as is.
 *
 * <p>If the call fails after some images, {@link #next()} throws the client's exception once the delivered
 * images are consumed, so a {@code split(body()).streaming()} fails with it. The queue holds at most one group
 * (15 images), so it needs no bound of its own.
 */
public final class SeedreamImageIterator implements Iterator<Message>, Closeable {

    private static final Object END = new Object();

    private final Exchange exchange;
    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private Object next;
    private boolean closed;

    SeedreamImageIterator(Exchange exchange) {
        this.exchange = exchange;
    }

    void add(GeneratedImage<Object> image) {
        arrivals.add(image);
    }

    /** The call is over; {@code failure} is null when it succeeded. */
    void finish(Throwable failure) {
        arrivals.add(failure == null ? END : failure);
    }

    /**
     * True while an image or the call's failure is pending. A failure counts as an element so it surfaces from
     * {@link #next()}: Camel's splitter looks one element ahead, and the image before the failure must still be
     * routed.
     */
    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (next == null) {
            next = take();
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more Seedream images");
        }
        Object arrived = next;
        if (arrived instanceof RuntimeException failure) {
            throw failure; // stays pending: every later call reports the same failure
        } else if (arrived instanceof Throwable failure) {
            throw new RuntimeCamelException(failure);
        }
        next = null;
        GeneratedImage<Object> image = (GeneratedImage<Object>) arrived;
        Message message = exchange.getMessage().copy();
        SeedreamResultSupport.writeBody(message, image.content(), image.mimeType());
        SeedreamResultSupport.writeImageHeaders(message, image);
        return message;
    }

    /** Stops iterating; images still arriving are dropped with the call. */
    @Override
    public void close() {
        closed = true;
    }

    private Object take() {
        try {
            return arrivals.take(); // the client always finishes the call: success, failure or its own timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted while waiting for the next Seedream image", e);
        }
    }
}
