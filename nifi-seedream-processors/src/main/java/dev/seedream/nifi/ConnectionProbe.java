/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ConnectionCheck;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamException;
import org.apache.nifi.components.ConfigVerificationResult;

/**
 * Verify's step for the endpoint and key: the client's {@linkplain SeedreamClient#checkConnection() connection
 * check}, which bills no image, as NiFi shows a step.
 */
final class ConnectionProbe {

    static final VerificationStep STEP = new VerificationStep("Reach API and Check Key");

    private ConnectionProbe() {
    }

    static ConfigVerificationResult run(SeedreamClient client) {
        ConnectionCheck check;
        try {
            check = client.checkConnection().join();
        } catch (RuntimeException e) { // the client was closed meanwhile
            return STEP.failed("Could not verify " + client.baseUrl() + ": " + SeedreamException.unwrap(e).getMessage());
        }
        return check.passed() ? STEP.passed(check.message()) : STEP.failed(check.message());
    }
}
