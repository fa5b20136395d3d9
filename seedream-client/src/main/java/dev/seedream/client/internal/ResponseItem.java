/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.ImageFailure;
import dev.seedream.client.ImageSink;
import dev.seedream.client.Usage;

import java.io.IOException;

/**
 * One JSON object of a response, as read: a {@code data[]} item of a plain response or the payload of one stream
 * event. Its {@code b64_json}, if any, has already been decoded into a sink target.
 */
final class ResponseItem<T> {

    final int ordinal;
    String type;
    Integer index;
    String size;
    String url;
    String model;
    Long created;
    ErrorFields error;
    Usage usage;
    ImageSink.Target<T> target;
    SniffingOutputStream bytes;

    ResponseItem(int ordinal) {
        this.ordinal = ordinal;
    }

    int indexOrOrdinal() {
        return index != null ? index : ordinal;
    }

    boolean hasError() {
        return error != null && error.isPresent();
    }

    boolean hasImage() {
        return target != null || url != null;
    }

    ImageFailure toFailure() {
        return new ImageFailure(indexOrOrdinal(), error == null ? null : error.code,
                error == null ? null : error.message);
    }

    /** Completes the sink target (if the image was decoded) and describes the image. */
    GeneratedImage<T> complete() throws IOException {
        if (target == null) {
            return new GeneratedImage<>(indexOrOrdinal(), size, "image/jpeg", 0, url, null);
        }
        String mimeType = bytes.mimeType();
        T content;
        try {
            content = target.complete(mimeType);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
        return new GeneratedImage<>(indexOrOrdinal(), size, mimeType, bytes.count(), url, content);
    }

    void discard() {
        if (target != null) {
            target.discard();
        }
    }
}
