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

    private static final Set<String> RATE_LIMITED = Set.of("RequestBurstTooFast", "InflightBatchsizeExceeded",
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
                || RATE_LIMITED.contains(code) || isQuotaExhausted(code));
    }

    /** The provider's images-per-minute limit ({@code ModelAccountIpmRateLimitExceeded} and the like). */
    static boolean isImagesPerMinute(String code) {
        return code != null && isRateLimit(code) && code.toLowerCase(Locale.ROOT).contains("ipm");
    }

    /**
     * Whether {@code failure} is the provider's images-per-minute 429: its minute is full, so the images reserved
     * for the attempt stay counted. Our own limiter's refusals and other 429s (requests per minute, overload) say
     * nothing about images.
     */
    static boolean isImageMinuteFull(Throwable failure) {
        return failure != null && SeedreamException.unwrap(failure) instanceof SeedreamRateLimitException limited
                && !limited.isLocalLimit() && isImagesPerMinute(limited.errorCode());
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
