/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.Base64;

/**
 * An encoded image with its base64 form computed once, so {@code b64_json} responses reuse the same bytes instead
 * of building a String per request. Instances are immutable and shared between concurrent responses.
 */
final class RenderedImage {

    private final byte[] bytes;
    private final byte[] base64;
    private final int width;
    private final int height;
    private final String format;

    RenderedImage(byte[] bytes, int width, int height, String format) {
        this.bytes = bytes;
        this.base64 = Base64.getEncoder().encode(bytes);
        this.width = width;
        this.height = height;
        this.format = format;
    }

    /** The encoded image; callers must not modify it. */
    byte[] bytes() {
        return bytes;
    }

    /** Base64 (standard alphabet, no line breaks) of {@link #bytes()}; callers must not modify it. */
    byte[] base64() {
        return base64;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** {@code jpeg} or {@code png}: the file extension and the media subtype. */
    String format() {
        return format;
    }

    String size() {
        return width + "x" + height;
    }

    long weight() {
        return (long) bytes.length + base64.length;
    }
}
