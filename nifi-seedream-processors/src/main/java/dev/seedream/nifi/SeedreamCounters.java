/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import org.apache.nifi.processor.ProcessSession;

/**
 * The processors' entries in NiFi's Counters (per processor, summed per type and over all processors by NiFi), so an
 * operator sees from the canvas how many images came out, how many calls failed or met a rate limit, and how often
 * requests waited for a shared budget. Counted on the trigger thread, with the session's commit.
 */
final class SeedreamCounters {

    /** Images routed to success. */
    static final String IMAGES_GENERATED = "Images Generated";
    /** Calls that ended without images and whose input went to failure or retry. */
    static final String CALLS_FAILED = "Calls Failed";
    /**
     * Calls that ended rate limited, their input left queued: the provider's 429 (after the client's retries, an
     * exhausted quota included) or a wait for the local or shared limit past Rate Limit Wait Timeout.
     */
    static final String CALLS_RATE_LIMITED = "Calls Rate Limited";
    /** Requests that found the shared image budget full and waited for it (with an Image Budget Service only). */
    static final String BUDGET_WAITS = "Budget Waits";

    private SeedreamCounters() {
    }

    /** Counts one finished call; a record never sent, because the run paused before it, is not a call. */
    static void count(ProcessSession session, CallOutcome<?> outcome) {
        if (outcome.hasImages()) {
            session.adjustCounter(IMAGES_GENERATED, outcome.result().images().size(), false);
        } else if (outcome.failure().keepsInputQueued()) {
            session.adjustCounter(CALLS_RATE_LIMITED, 1, false);
        } else if (!CallFailure.NOT_SENT_CODE.equals(outcome.failure().code())) {
            session.adjustCounter(CALLS_FAILED, 1, false);
        }
    }

    /** Adds the shared budget's waits since the last report, if there were any. */
    static void budgetWaits(ProcessSession session, SeedreamConnectionService connection) {
        long waits = connection.takeBudgetWaits();
        if (waits > 0) {
            session.adjustCounter(BUDGET_WAITS, waits, false);
        }
    }
}
