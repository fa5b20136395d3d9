/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.Usage;

/** What a response said besides its images. */
final class ResponseSummary {

    String model;
    Long created;
    /** Null until the response reports it. */
    Usage usage;
    /** Images and item failures handed to the item handler. */
    int itemsDelivered;

    /** What the provider counts as generated: its usage, else (and never fewer than) the items it sent. */
    int imagesGenerated() {
        return usage == null ? itemsDelivered : Math.max(usage.generatedImages(), itemsDelivered);
    }
}
