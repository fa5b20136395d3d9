/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * How much a request is checked locally before it is sent. A client setting, not part of the request.
 */
public enum ValidationMode {
    /**
     * Every documented limit of the target model (the client knows Seedream 4.0, 4.5, 5.0 and 5.0 Pro; other ids get
     * the widest of their limits): size labels and pixel area, reference
     * count, reference format, dimensions, aspect ratio and bytes, per-model options. The default.
     */
    STRICT,
    /**
     * The documented way to relax local checks, for a newer model or a custom endpoint whose limits differ:
     * only rules that hold for every model are kept (prompt present, enum values, {@code max_images} 1..15,
     * references plus outputs at most 15, size syntax, seed range, well-formed URLs and data URIs, extra
     * field names). The provider still enforces its own limits.
     */
    PROTOCOL_ONLY
}
