/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * An image of a group that the provider could not deliver while others succeeded (a 200 with an item-level
 * error, or a {@code partial_failed} stream event). Unbilled.
 *
 * @param index   position of the image in the group (0-based)
 * @param code    provider error code, e.g. {@code OutputImageSensitiveContentDetected}
 * @param message provider message
 */
public record ImageFailure(int index, String code, String message) {
}
