/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

/** The failures the emulator can inject into generation requests (never into admin or {@code /files} requests). */
public enum Fault {
    /** 500 {@code InternalServiceError}, answered at once. */
    HTTP_500,
    /** 503 {@code ServiceUnavailable}, answered at once. */
    HTTP_503,
    /**
     * 429 {@code ServerOverloaded}, answered at once; {@code Retry-After} only with an explicit parameter
     * ({@link FaultSpec#http429}) or when {@link EmulatorConfig#retryAfterOn429()} is on.
     */
    HTTP_429,
    /** 429 {@code QuotaExceeded} (trial or plan quota used up: waiting does not help), answered at once. */
    QUOTA_EXCEEDED,
    /** 429 {@code SetLimitExceeded} (the account's own spend limit reached: waiting does not help), answered at once. */
    SET_LIMIT_EXCEEDED,
    /**
     * 200 whose body is only a top-level {@code error} ({@code InternalServiceError}, no {@code data}); for a stream,
     * one event carrying it, then the end. Nothing is generated.
     */
    ERROR_IN_200,
    /** TCP reset (SO_LINGER 0 + close) before any response byte. */
    RESET_BEFORE_RESPONSE,
    /** Status line, headers and part of the body, then a TCP reset. */
    RESET_MID_BODY,
    /** 200 with a close-delimited body cut short, then a clean close (FIN): the client sees a 200 with broken JSON. */
    TRUNCATED_JSON,
    /** 200 with a complete body that is not valid JSON. */
    MALFORMED_JSON,
    /** The request is accepted and never answered until the client closes the connection. */
    STALL,
    /** Stream requests only: the connection is closed after k events, before {@code completed} and {@code [DONE]}. */
    SSE_CUT
}
