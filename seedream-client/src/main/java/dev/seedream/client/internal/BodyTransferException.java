/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;

/**
 * Reading a body failed because its transfer failed (a reset, a timeout): the error to report is the transfer's,
 * its cause.
 */
final class BodyTransferException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTransferException(Throwable transferFailure) {
        super("Response body transfer failed: " + transferFailure.getMessage(), transferFailure);
    }
}
