/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;

/** The body was readable but not the documented shape. */
final class MalformedBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
        super(message);
    }
}
