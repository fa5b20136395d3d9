/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * What {@link SeedreamClient#checkConnection()} found out about the endpoint and key, without an image billed.
 *
 * @param status  the verdict
 * @param message a sentence for an operator: what was reached and what the provider answered (never the key)
 */
public record ConnectionCheck(Status status, String message) {

    /** The verdicts of a connection check. */
    public enum Status {
        /** The provider authenticated the key and knows the model. */
        KEY_ACCEPTED,
        /** The provider answered 401: the key is wrong or revoked. */
        KEY_REJECTED,
        /** The key was accepted but the provider does not know the model (or custom endpoint id). */
        MODEL_NOT_FOUND,
        /** No answer that settles it: unreachable, timed out, refused for another reason, or a broken answer. */
        FAILED;
    }

    /**
     * Whether calls can be expected to work: the key and the model were accepted.
     *
     * @return true when the status is {@link Status#KEY_ACCEPTED}
     */
    public boolean passed() {
        return status == Status.KEY_ACCEPTED;
    }
}
