/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageFailure;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamQuotaExceededException;
import dev.seedream.client.SeedreamRateLimitException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a request produced no image, and where its FlowFile or record goes. Routing follows the exception type and
 * the client's {@link SeedreamException#isRetryable()}, never message text.
 *
 * @param route      where the input goes
 * @param code       provider or local error code
 * @param message    what happened; built by the client or here, so it never holds the API key
 * @param httpStatus provider HTTP status, 0 when there was none
 * @param retryAfter how long a 429 asked us to wait, or null
 * @param requestId  the id to quote to the provider's support, or null when no request was sent
 */
record CallFailure(Route route, String code, String message, int httpStatus, Duration retryAfter, String requestId) {

    /**
     * Where the input goes: {@code RATE_LIMITED} and {@code QUOTA_EXHAUSTED} leave it in its queue and pause the
     * processor, briefly for a rate limit, for the service's Quota Exhausted Pause when only an operator can help.
     */
    enum Route { FAILURE, RETRY, RATE_LIMITED, QUOTA_EXHAUSTED }

    static final String DEADLINE_CODE = "DeadlineExceeded";
    static final String NOT_SENT_CODE = "NotSent";

    static CallFailure of(Throwable thrown) {
        Throwable cause = SeedreamException.unwrap(thrown);
        if (cause instanceof SeedreamException seedream) {
            Route route = cause instanceof SeedreamQuotaExceededException ? Route.QUOTA_EXHAUSTED
                    : cause instanceof SeedreamRateLimitException ? Route.RATE_LIMITED
                    : seedream.isRetryable() ? Route.RETRY : Route.FAILURE;
            Duration retryAfter = cause instanceof SeedreamRateLimitException limited
                    ? limited.retryAfter().orElse(null) : null;
            return new CallFailure(route, seedream.errorCode(), seedream.getMessage(), seedream.httpStatus(),
                    retryAfter, seedream.requestId().orElse(null));
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return permanent("InvalidInput", invalid.getMessage());
        }
        // Anything else is our own I/O or an unforeseen bug: retrying is safer than dropping the input.
        return new CallFailure(Route.RETRY, "UnexpectedError", cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), 0, null, null);
    }

    static CallFailure permanent(String code, String message) {
        return new CallFailure(Route.FAILURE, code, message, 0, null, null);
    }

    static CallFailure deadline(Duration runTimeout) {
        return new CallFailure(Route.RETRY, DEADLINE_CODE, "No answer within the Run Timeout of " + runTimeout
                + "; the provider may still have generated (and billed) the images", 0, null, null);
    }

    /** A record not sent because the processor paused for a rate limit or an exhausted quota in the same run. */
    static CallFailure notSent() {
        return new CallFailure(Route.RETRY, NOT_SENT_CODE, "Not sent: an earlier record of this input met a rate limit"
                + " or an exhausted quota, so the processor paused", 0, null, null);
    }

    /** Whether the input stays in its queue while the processor pauses. */
    boolean keepsInputQueued() {
        return route == Route.RATE_LIMITED || route == Route.QUOTA_EXHAUSTED;
    }

    /** A 200 whose every image failed (e.g. output content policy): permanent, like the provider's 400s. */
    static CallFailure allImagesFailed(List<ImageFailure> failures) {
        if (failures.isEmpty()) {
            return permanent("NoImages", "The provider answered without any image");
        }
        ImageFailure first = failures.get(0);
        return permanent(first.code(), "All " + failures.size() + " image(s) failed; first: " + first.message());
    }

    Map<String, String> attributes() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(SeedreamAttributes.ERROR_CODE, String.valueOf(code));
        attributes.put(SeedreamAttributes.ERROR_MESSAGE, String.valueOf(message));
        attributes.put(SeedreamAttributes.HTTP_STATUS, String.valueOf(httpStatus));
        if (requestId != null) {
            attributes.put(SeedreamAttributes.REQUEST_ID, requestId);
        }
        return attributes;
    }
}
