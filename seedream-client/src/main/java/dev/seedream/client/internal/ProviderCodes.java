/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the provider's error codes (and error {@code type}s) mean, in one place: most code strings are readings of
 * the contract, so a changed reading is changed here only.
 */
final class ProviderCodes {

    /** 429 codes that waiting will not cure: an operator has to raise the quota or the spend limit. */
    private static final Set<String> QUOTA_EXHAUSTED = Set.of("QuotaExceeded", "SetLimitExceeded");

    /**
     * 429 codes of a momentary condition: a burst, too many requests in flight, an overloaded server. Nothing in
     * them says that the provider's minute is full, so an attempt refused with one of them gives its images back.
     */
    private static final Set<String> MOMENTARY = Set.of("RequestBurstTooFast", "InflightBatchsizeExceeded",
            "ServerOverloaded");

    private static final Map<String, Integer> STATUS_OF_CODE = Map.of(
            "InvalidParameter", 400, "MissingParameter", 400, "InvalidImageURL", 400,
            "AuthenticationError", 401,
            "AccessDenied", 403, "AccountOverdueError", 403,
            "ModelNotOpen", 404,
            "ServiceUnavailable", 503);

    /** The error object's {@code type}, used when the code is one we do not know. */
    private static final Map<String, Integer> STATUS_OF_TYPE = Map.of(
            "BadRequest", 400, "Unauthorized", 401, "Forbidden", 403, "NotFound", 404,
            "TooManyRequests", 429, "InternalServerError", 500);

    private ProviderCodes() {
    }

    static boolean isContentPolicy(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).contains("sensitivecontent");
    }

    static boolean isQuotaExhausted(String code) {
        return code != null && QUOTA_EXHAUSTED.contains(code);
    }

    static boolean isRateLimit(String code) {
        return code != null && (code.startsWith("RateLimitExceeded") || code.endsWith("RateLimitExceeded")
                || MOMENTARY.contains(code) || isQuotaExhausted(code));
    }

    /**
     * Whether the images reserved for an attempt stay counted after {@code failure}: a provider 429 other than the
     * {@linkplain #MOMENTARY momentary} ones and the exhausted quotas. That is every per-minute limit of both code
     * families, images ({@code ModelAccountIpmRateLimitExceeded}), requests ({@code …RpmRateLimitExceeded},
     * {@code RateLimitExceeded.EndpointRPMExceeded}) and tokens ({@code RateLimitExceeded.EndpointTPMExceeded}), and a
     * 429 whose code we do not know: the provider's minute is full, and images handed back would only send the
     * next call into the same 429. Our own limiter's refusals say nothing about the provider.
     */
    static boolean keepsReservedImages(Throwable failure) {
        if (failure == null || !(SeedreamException.unwrap(failure) instanceof SeedreamRateLimitException limited)
                || limited.isLocalLimit()) {
            return false;
        }
        String code = limited.errorCode();
        return code == null || !(MOMENTARY.contains(code) || isQuotaExhausted(code));
    }

    /**
     * The HTTP status an error of this code comes with, for an error inside a 200 body (a top-level {@code error}
     * or a stream's error event); 0 when neither code nor type is known.
     */
    static int impliedStatus(String code, String type) {
        if (isContentPolicy(code)) {
            return 400;
        }
        if (isRateLimit(code)) {
            return 429;
        }
        if (code != null && STATUS_OF_CODE.containsKey(code)) {
            return STATUS_OF_CODE.get(code);
        }
        if (code != null && code.endsWith("NotFound")) { // InvalidEndpointOrModel.NotFound and its variants
            return 404;
        }
        if (code != null && code.startsWith("InternalServiceError")) {
            return 500;
        }
        return type == null ? 0 : STATUS_OF_TYPE.getOrDefault(type, 0);
    }
}
