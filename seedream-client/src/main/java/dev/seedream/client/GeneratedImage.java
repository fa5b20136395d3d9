/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.Redaction;

/**
 * One delivered image.
 *
 * @param index     position in the group (0-based), as the provider numbers it
 * @param size      dimensions as the provider reports them, e.g. {@code 2048x2048} (may be null)
 * @param mimeType  detected from the image bytes ({@code image/jpeg} when only a URL is known)
 * @param byteCount decoded bytes written to the sink (0 when the content was not fetched)
 * @param url       the provider's URL for {@code response_format=url} (expires after 24 h), else null
 * @param content   what the sink made of the bytes (byte[], Path, …), or null when the sink keeps nothing
 * @param <T>       the sink's content type
 */
public record GeneratedImage<T>(int index, String size, String mimeType, long byteCount, String url, T content) {

    /**
     * Width in pixels parsed from {@link #size()}, or -1 when unknown.
     *
     * @return the width in pixels, or -1
     */
    public int width() {
        return dimension(0);
    }

    /**
     * Height in pixels parsed from {@link #size()}, or -1 when unknown.
     *
     * @return the height in pixels, or -1
     */
    public int height() {
        return dimension(1);
    }

    private int dimension(int part) {
        if (size == null) {
            return -1;
        }
        String[] parts = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            return parts.length == 2 ? Integer.parseInt(parts[part].trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "GeneratedImage[index=" + index + ", size=" + size + ", mimeType=" + mimeType + ", bytes=" + byteCount
                + (url == null ? "" : ", url=" + Redaction.url(url)) + "]";
    }
}
