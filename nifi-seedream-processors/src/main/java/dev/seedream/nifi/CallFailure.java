package dev.seedream.nifi;

import dev.seedream.client.ImageFailure;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a request produced no image, and where its FlowFile or record goes. Routing follows the exception type and
 * the client's {@link SeedreamException#isRetryable()}, never message text.
 *
 * @param route      where the input goes
 * @param code       provider or local error code
 * @param message    what happened; built by the client or here, so it never holds the API key
 * @param httpStatus provider HTTP status, 0 when there was none
 * @param retryAfter how long a 429 asked us to wait, or null
 */
record CallFailure(Route route, String code, String message, int httpStatus, Duration retryAfter) {

    enum Route { FAILURE, RETRY, RATE_LIMITED }

    static final String DEADLINE_CODE = "DeadlineExceeded";

    static CallFailure of(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof SeedreamRateLimitException limited) {
            return new CallFailure(Route.RATE_LIMITED, limited.errorCode(), limited.getMessage(),
                    limited.httpStatus(), limited.retryAfter().orElse(null));
        }
        if (cause instanceof SeedreamException seedream) {
            return new CallFailure(seedream.isRetryable() ? Route.RETRY : Route.FAILURE, seedream.errorCode(),
                    seedream.getMessage(), seedream.httpStatus(), null);
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return permanent("InvalidInput", invalid.getMessage());
        }
        // Anything else is our own I/O or an unforeseen bug: retrying is safer than dropping the input.
        return new CallFailure(Route.RETRY, "UnexpectedError", cause.getClass().getSimpleName() + ": "
                + cause.getMessage(), 0, null);
    }

    static CallFailure permanent(String code, String message) {
        return new CallFailure(Route.FAILURE, code, message, 0, null);
    }

    static CallFailure deadline(Duration maxWait) {
        return new CallFailure(Route.RETRY, DEADLINE_CODE, "No answer within the Max Wait Time of " + maxWait
                + "; the provider may still have generated (and billed) the images", 0, null);
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
        return attributes;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
