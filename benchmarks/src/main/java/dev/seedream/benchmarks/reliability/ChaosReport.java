/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.emulator.Fault;

import java.util.List;
import java.util.Map;

/**
 * What one surface's chaos run found.
 *
 * @param surface          client, Camel or NiFi
 * @param inputs           inputs sent
 * @param successes        inputs that ended in success with exactly one image
 * @param failures         inputs that ended in the failure route
 * @param retryRouted      inputs that ended in the retry route (NiFi)
 * @param emulatorRequests generation requests the emulator received
 * @param clientAttempts   HTTP attempts the client says it made
 * @param faultsInjected   faults the emulator applied, by kind
 * @param logLines         captured log lines (System.err plus component logs)
 * @param problems         every violated rule; empty means the run passed
 */
public record ChaosReport(String surface, int inputs, long successes, long failures, long retryRouted,
                          long emulatorRequests, long clientAttempts, Map<Fault, Long> faultsInjected,
                          long logLines, List<String> problems) {

    public double faultShare() {
        return emulatorRequests == 0 ? 0
                : faultsInjected.values().stream().mapToLong(Long::longValue).sum() / (double) emulatorRequests;
    }
}
