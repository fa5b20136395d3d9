/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

/**
 * A validated reference image. {@code data} holds encoded image bytes (from a data URI or the emulator's own file
 * store), or is {@code null} for an external URL the emulator cannot fetch: then a placeholder derived from the
 * fingerprint stands in for it.
 *
 * @param fingerprint a stable hash of the bytes (or of the URL), part of the render cache key
 */
record ReferenceImage(String fingerprint, byte[] data) {
}
