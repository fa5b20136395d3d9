/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

/**
 * What a {@code seedream:} endpoint does. Lower case because the constant is the URI path
 * ({@code seedream:generate}), as in Camel's own operation enums.
 */
public enum SeedreamOperation {
    /** Text to image: the body (or a header) is the prompt, or a ready {@code ImageRequest}. */
    generate,
    /** Image to image: the body is one to ten reference images, the prompt says what to change. */
    edit,
    /** Many prompts or requests in one exchange, run with bounded concurrency, one result per input. */
    batch
}
