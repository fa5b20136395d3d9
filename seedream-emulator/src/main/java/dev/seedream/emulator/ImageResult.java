/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

/** One item of a generation: an image, or the item-level error that replaced it. */
record ImageResult(int index, RenderedImage image, ApiError error) {

    static ImageResult success(int index, RenderedImage image) {
        return new ImageResult(index, image, null);
    }

    static ImageResult failure(int index, ApiError error) {
        return new ImageResult(index, null, error);
    }

    boolean succeeded() {
        return image != null;
    }

    /** Output tokens billed for this item: width × height / 256 (the doc's unverified formula), 0 for failures. */
    long outputTokens() {
        return succeeded() ? (long) image.width() * image.height() / 256 : 0;
    }
}
