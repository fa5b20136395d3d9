/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageBudget;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.controller.ControllerService;
import org.apache.nifi.logging.ComponentLog;

import java.util.List;

/**
 * An images-per-minute budget that a {@link StandardSeedreamConnectionService} uses instead of its own window: a
 * shared one lets every node of a NiFi cluster (and other clients of the account) draw on the account's one limit.
 */
@Tags({"seedream", "rate limit", "budget", "images per minute", "cluster"})
@CapabilityDescription("Provides an images-per-minute budget shared by every Seedream client that uses it.")
public interface SeedreamImageBudgetService extends ControllerService {

    /** The budget while the service is enabled; owned by the service, so callers must not close it. */
    ImageBudget getImageBudget();

    /**
     * The Verify steps of this budget as it is enabled now (for the Verify of a service that uses it): whether its
     * store answers. Names addresses, never credentials.
     */
    List<ConfigVerificationResult> verifyBudget(ComponentLog verificationLogger);

    /**
     * Callers that found the budget's window full and waited, since the previous call (so each wait is counted once
     * even when several processors report them); 0 when the budget does not tell.
     */
    long takeWaits();
}
