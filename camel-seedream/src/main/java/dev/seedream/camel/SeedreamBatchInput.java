/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import dev.seedream.client.ImageRequest;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Reads the items of a batch body lazily: an Iterator, Iterable, Stream or array of prompts and requests, a single
 * request, or text with one prompt per line (blank lines skipped; a file body is read as text).
 */
final class SeedreamBatchInput {

    private SeedreamBatchInput() {
    }

    static Iterator<?> items(Message in) throws InvalidPayloadException {
        Object body = in.getBody();
        if (body == null) {
            throw new IllegalArgumentException("seedream:batch needs a body: a Collection, Iterator, Iterable or "
                    + "Stream of prompts (String) or ImageRequests, or text with one prompt per line");
        }
        if (body instanceof Iterator<?> iterator) {
            return iterator;
        } else if (body instanceof Iterable<?> iterable) {
            return iterable.iterator();
        } else if (body instanceof Stream<?> stream) {
            return stream.iterator();
        } else if (body instanceof Object[] array) {
            return Arrays.asList(array).iterator();
        } else if (body instanceof ImageRequest request) {
            return List.of(request).iterator();
        }
        if (!isText(body)) {
            throw new IllegalArgumentException("seedream:batch cannot read a " + body.getClass().getName()
                    + " body: give a Collection, Iterator, Iterable, Stream or array of prompts (String) or "
                    + "ImageRequests, or text with one prompt per line");
        }
        String text = in.getMandatoryBody(String.class);
        return text.lines().filter(line -> !line.isBlank()).iterator();
    }

    /** Bodies that hold text (a number is no list of prompts, even though Camel would convert it). */
    private static boolean isText(Object body) {
        return body instanceof CharSequence || body instanceof byte[] || body instanceof InputStream
                || body instanceof Reader || body instanceof File || body instanceof Path
                || body instanceof WrappedFile<?>;
    }
}
