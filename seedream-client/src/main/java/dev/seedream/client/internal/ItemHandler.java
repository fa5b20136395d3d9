/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.io.IOException;

/** Receives each image item of a response as soon as the reader has it complete. */
@FunctionalInterface
interface ItemHandler<T> {

    void accept(ResponseItem<T> item) throws IOException;
}
