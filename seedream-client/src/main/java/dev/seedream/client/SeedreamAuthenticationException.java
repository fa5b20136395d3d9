/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** HTTP 401: the API key is missing, wrong, or belongs to another deployment (a China key fails on BytePlus). Never retried. */
public class SeedreamAuthenticationException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error what the provider answered
     */
    public SeedreamAuthenticationException(ProviderError error) {
        super(error, false);
    }
}
