/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;

/**
 * One named step of Verify, as NiFi lists it, with its three possible results; the processors, the connection
 * service and its probe build every step they report here.
 *
 * @param name the step's name in NiFi's Verify dialog
 */
record VerificationStep(String name) {

    ConfigVerificationResult passed(String explanation) {
        return result(Outcome.SUCCESSFUL, explanation);
    }

    ConfigVerificationResult failed(String explanation) {
        return result(Outcome.FAILED, explanation);
    }

    ConfigVerificationResult skipped(String explanation) {
        return result(Outcome.SKIPPED, explanation);
    }

    private ConfigVerificationResult result(Outcome outcome, String explanation) {
        return new ConfigVerificationResult.Builder().verificationStepName(name).outcome(outcome)
                .explanation(explanation).build();
    }
}
