/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.Map;

/**
 * An immutable snapshot of the emulator's counters. Status, prompt and byte counters cover generation requests
 * ({@code /files} downloads add to {@link #bytesSent()} too); admin requests are never counted.
 *
 * @param generationRequests requests that reached the generation path, valid or not
 * @param proxiedRequests those of them that came through a forward proxy (request target in absolute form)
 * @param imagesGenerated images delivered as successes (billed), including ones whose body a fault then broke
 * @param imagesRendered images actually drawn and encoded (cache misses)
 * @param bytesSent response body bytes written for generation requests and file downloads
 * @param requestsByStatus generation responses by HTTP status (faults that send no status are not here)
 * @param requestsByPrompt generation requests by their {@code prompt} field, whatever their outcome
 * @param faultsInjected faults applied, by type
 * @param inFlight generation requests admitted and not yet finished
 */
public record EmulatorStats(long generationRequests, long proxiedRequests, long imagesGenerated,
                            long imagesRendered, long bytesSent, Map<Integer, Long> requestsByStatus,
                            Map<String, Long> requestsByPrompt, Map<Fault, Long> faultsInjected, int inFlight) {

    public EmulatorStats {
        requestsByStatus = Map.copyOf(requestsByStatus);
        requestsByPrompt = Map.copyOf(requestsByPrompt);
        faultsInjected = Map.copyOf(faultsInjected);
    }

    /** Generation requests that carried exactly this prompt. */
    public long requestsForPrompt(String prompt) {
        return requestsByPrompt.getOrDefault(prompt, 0L);
    }

    public long requestsWithStatus(int status) {
        return requestsByStatus.getOrDefault(status, 0L);
    }

    public long faultsInjected(Fault fault) {
        return faultsInjected.getOrDefault(fault, 0L);
    }
}
