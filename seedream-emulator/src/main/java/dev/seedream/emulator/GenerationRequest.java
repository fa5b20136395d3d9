/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.List;

/**
 * A validated {@code POST /images/generations} body.
 *
 * @param model the id as sent (echoed in the response)
 * @param seed the request's seed, or 0 when absent (images stay deterministic without one)
 * @param imageCount images to produce: 1, or {@code max_images} under {@code sequential_image_generation: auto}
 * @param outputFormat {@code jpeg} or {@code png}
 * @param webSearch whether the {@code web_search} tool was requested (reported in {@code usage.tool_usage})
 */
record GenerationRequest(String model, ModelProfile profile, String prompt, int width, int height, long seed,
                         List<ReferenceImage> references, int imageCount, boolean base64, boolean stream,
                         String outputFormat, boolean webSearch) {
}
