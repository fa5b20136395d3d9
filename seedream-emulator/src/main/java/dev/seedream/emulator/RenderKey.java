/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

/**
 * Everything an output image depends on, hence the render cache key. Same key → same bytes.
 *
 * @param referenceFingerprint the first reference image's fingerprint, or {@code null} for text-to-image
 */
record RenderKey(String prompt, long seed, int width, int height, int index, String format,
                 String referenceFingerprint, double noise, float quality) {
}
