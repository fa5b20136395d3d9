/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** HTTP 5xx: the provider failed. Retried with backoff; the generation may or may not have happened. */
public class SeedreamServerException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error what the provider answered
     */
    public SeedreamServerException(ProviderError error) {
        super(error, true);
    }
}
