/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;

/** Marks an I/O failure of the caller's sink, as opposed to one of the response body. */
final class SinkFailure extends IOException {

    private static final long serialVersionUID = 1L;

    SinkFailure(IOException cause) {
        super("the image sink failed: " + cause.getMessage(), cause);
    }
}
