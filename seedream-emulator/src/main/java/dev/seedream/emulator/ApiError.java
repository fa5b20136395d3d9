/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

/**
 * A provider error: HTTP status plus the {@code {"error":{"code","message","param","type"}}} body. Thrown by
 * validation and admission and turned into a response by the generation handler.
 */
final class ApiError extends RuntimeException {

    static final int NO_RETRY_AFTER = -1;

    private final int status;
    private final String code;
    private final String param;
    private final int retryAfterSeconds;

    ApiError(int status, String code, String message, String param, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError invalid(String param, String message) {
        return new ApiError(400, "InvalidParameter", message, param, NO_RETRY_AFTER);
    }

    static ApiError missing(String param) {
        return new ApiError(400, "MissingParameter",
                "The request failed because it is missing one or multiple required parameters. Request parameter: "
                        + param, param, NO_RETRY_AFTER);
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, "", NO_RETRY_AFTER);
    }

    static ApiError tooManyRequests(String code, String message, int retryAfterSeconds) {
        return new ApiError(429, code, message, "", retryAfterSeconds);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String param() {
        return param;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The error {@code type} Ark pairs with each status (unverified naming, kept in this one place). */
    String type() {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> "InternalServerError";
        };
    }
}
