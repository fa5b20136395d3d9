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
}
