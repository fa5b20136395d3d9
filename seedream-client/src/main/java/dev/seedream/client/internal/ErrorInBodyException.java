/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;

/** A 200 answer said the whole request failed: a top-level {@code error} in its JSON, or a stream error event. */
final class ErrorInBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    final transient ErrorFields error;

    ErrorInBodyException(ErrorFields error) {
        super("error in a 200 body " + error.code + ": " + error.message);
        this.error = error;
    }
}
