/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/** HTTP 403: the account may not use this model (not activated, overdue, access denied). Never retried. */
public class SeedreamPermissionException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error what the provider answered
     */
    public SeedreamPermissionException(ProviderError error) {
        super(error, false);
    }
}
