/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** HTTP 404: unknown model id or endpoint. Never retried. */
public class SeedreamNotFoundException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error what the provider answered
     */
    public SeedreamNotFoundException(ProviderError error) {
        super(error, false);
    }
}
