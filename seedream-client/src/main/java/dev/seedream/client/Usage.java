/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * Token accounting the provider reports for a call.
 *
 * @param generatedImages images the provider generated (and billed)
 * @param outputTokens    output tokens
 * @param totalTokens     total tokens
 */
public record Usage(int generatedImages, long outputTokens, long totalTokens) {
}
