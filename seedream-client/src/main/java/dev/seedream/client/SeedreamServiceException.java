/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

/**
 * The provider answered with an HTTP error. Subclasses name the common cases; this class itself stands for an
 * unexpected status. The status decides the type first, the provider code second (most codes are unverified).
 */
public class SeedreamServiceException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /** The provider's own message, or null. */
    private final String providerMessage;
    /** The request field the provider blames, or null. */
    private final String param;

    /**
     * Creates the failure from the provider's answer.
     *
     * @param error     what the provider answered
     * @param retryable whether trying the same request again may succeed
     */
    public SeedreamServiceException(ProviderError error, boolean retryable) {
        this(error.describe(), error, retryable);
    }

    /**
     * Creates the failure from the provider's answer, with a message of its own.
     *
     * @param message   the message
     * @param error     what the provider answered
     * @param retryable whether trying the same request again may succeed
     */
    protected SeedreamServiceException(String message, ProviderError error, boolean retryable) {
        super(message, error.status(), error.code(), error.requestId(), retryable, null);
        this.providerMessage = error.message();
        this.param = error.param();
    }

    /**
     * The provider's own message, as sent.
     *
     * @return the provider's message, or null
     */
    public String providerMessage() {
        return providerMessage;
    }

    /**
     * The request field the provider blames, when it names one.
     *
     * @return the field name, or null
     */
    public String param() {
        return param;
    }

    /**
     * What the provider said, parsed from its error body.
     *
     * @param status    HTTP status
     * @param code      provider error code (may be null)
     * @param message   provider message (may be null)
     * @param param     blamed request field (may be null)
     * @param requestId provider request id (may be null)
     */
    public record ProviderError(int status, String code, String message, String param, String requestId) {
        String describe() {
            StringBuilder text = new StringBuilder("Seedream API returned HTTP ").append(status);
            if (code != null) {
                text.append(' ').append(code);
            }
            if (message != null) {
                text.append(": ").append(message);
            }
            if (param != null && !param.isBlank()) {
                text.append(" (param ").append(param).append(')');
            }
            // The provider's message usually ends with "Request id: …" already.
            boolean idShown = message != null && requestId != null && message.contains(requestId);
            return idShown ? text.toString() : withRequestId(text.toString(), requestId);
        }
    }
}
