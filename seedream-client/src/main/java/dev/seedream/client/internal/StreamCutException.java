/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;

/** A stream response ended before any image event. */
final class StreamCutException extends IOException {

    private static final long serialVersionUID = 1L;

    StreamCutException(String message) {
        super(message);
    }
}
