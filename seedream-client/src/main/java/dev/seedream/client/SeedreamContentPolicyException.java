/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** HTTP 400 with a sensitive-content code: the prompt or an image was refused by the provider's content policy. Never retried. */
public class SeedreamContentPolicyException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error what the provider answered
     */
    public SeedreamContentPolicyException(ProviderError error) {
        super(error, false);
    }
}
