/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.SeedreamClient;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.controller.ControllerService;

import java.time.Duration;

/**
 * The one Seedream client of a flow (per node): every processor that references the same service shares its
 * connection pool, its in-flight limit and its images-per-minute budget.
 */
@Tags({"seedream", "bytedance", "image", "ai", "connection"})
@CapabilityDescription("Provides a shared Seedream API client: endpoint, API key, model, timeouts and rate limits.")
public interface SeedreamConnectionService extends ControllerService {

    /** The shared client; owned by the service, so callers must not close it. */
    SeedreamClient getClient();

    /** The generation endpoint, for provenance transit URIs; never contains the API key. */
    String getTransitUri();

    /**
     * How long processors pause after the provider said the account's quota or spend limit is used up
     * ({@code QuotaExceeded}, {@code SetLimitExceeded}): waiting does not cure it, so trying again soon only spins.
     */
    Duration getQuotaExhaustedPause();

    /**
     * Requests that found the shared image budget full and waited, since the previous call: each is counted once,
     * by whichever processor asks first. 0 without an Image Budget Service.
     */
    default long takeBudgetWaits() {
        return 0;
    }
}
