/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.util.Map;

/**
 * A snapshot of a client's counters.
 *
 * @param inFlight      HTTP requests being sent or read now
 * @param waiting       calls waiting for a request slot or image quota
 * @param requestsSent  HTTP attempts started since the client was built
 * @param retries       attempts that were retries
 * @param rateLimited   429 answers plus local limit refusals
 * @param failures      calls that ended in an exception
 * @param failuresByCode those calls by cause: the provider's error code (e.g. {@code AuthenticationError}), else the
 *                      exception's type (e.g. {@code SeedreamTimeoutException}); the values add up to {@code failures}
 * @param imagesGenerated images the provider returned to successful calls (the ones that are billed)
 * @param budget        the counters of the images-per-minute budget the client draws on (its own window, or a
 *                      shared budget, whose numbers every client on it sees alike): grants, waits, fallback state
 */
public record ClientMetrics(int inFlight, int waiting, long requestsSent, long retries, long rateLimited,
                            long failures, Map<String, Long> failuresByCode, long imagesGenerated,
                            ImageBudget.Metrics budget) {

    /** Keeps an unmodifiable copy of {@code failuresByCode}. */
    public ClientMetrics {
        failuresByCode = Map.copyOf(failuresByCode);
    }

    /** What a client that is not running reports. */
    public static final ClientMetrics NONE = new ClientMetrics(0, 0, 0, 0, 0, 0, Map.of(), 0,
            ImageBudget.Metrics.NONE);
}
