/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Base of every failure the client reports. Adapters (Camel, NiFi) route on the subtype and on
 * {@link #isRetryable()}, never on message text.
 *
 * <p>Messages never contain the API key or image data: the client builds them from status, provider code,
 * provider message and request id only.
 */
public class SeedreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** HTTP status of the provider's answer, or 0. */
    private final int httpStatus;
    /** Provider or client error code. */
    private final String errorCode;
    /** Request id to quote, or null. */
    private final String requestId;
    /** Whether trying again may succeed. */
    private final boolean retryable;

    /**
     * Creates a failure with all its details.
     *
     * @param message    the message, without the API key or image data
     * @param httpStatus the HTTP status of the provider's answer, or 0 when there was none
     * @param errorCode  the provider's or the client's error code
     * @param requestId  the request id, or null when no request was sent
     * @param retryable  whether trying the same request again may succeed
     * @param cause      the underlying failure, or null
     */
    protected SeedreamException(String message, int httpStatus, String errorCode, String requestId,
                                boolean retryable, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.retryable = retryable;
    }

    /**
     * HTTP status of the provider's answer, or 0 when there was none (local check, connection failure).
     *
     * @return the HTTP status, or 0
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Provider error code such as {@code InvalidParameter}, or a client code such as {@code ValidationFailed}.
     *
     * @return the error code
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * The id to quote to the provider's support: the provider's own (a response header, else the "Request id" its
     * error message ends with), else the {@code X-Client-Request-Id} this client sent. Empty only when no request
     * was sent (local validation, the client's own limiter).
     *
     * @return the request id, if there is one
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * {@code message} followed by the request id, the way every message of this hierarchy shows it.
     *
     * @param message   the message
     * @param requestId the request id, or null
     * @return the message with the request id, or the message alone when the id is null
     */
    protected static String withRequestId(String message, String requestId) {
        return requestId == null ? message : message + " [request id " + requestId + "]";
    }

    /**
     * Whether trying the same request again may succeed. Permanent failures (4xx but 429) return false.
     *
     * @return true when a retry may succeed
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * What failed, beneath the {@link CompletionException} or {@link ExecutionException} a future wraps it in: the
     * {@code SeedreamException} (or other failure) to route on.
     *
     * @param failure a failure, possibly wrapped
     * @return the failure beneath the wrappers, or {@code failure} itself when it is not wrapped
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
