/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A request's JSON body in memory, as the tests read it. */
final class RequestJson {

    private RequestJson() {
    }

    static byte[] of(ImageRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            request.writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
