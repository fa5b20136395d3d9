/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageFailure;
import dev.seedream.client.SeedreamAuthenticationException;
import dev.seedream.client.SeedreamConnectionException;
import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamInvalidRequestException;
import dev.seedream.client.SeedreamQuotaExceededException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.client.SeedreamServerException;
import dev.seedream.client.SeedreamServiceException.ProviderError;
import dev.seedream.client.SeedreamTimeoutException;
import dev.seedream.client.SeedreamValidationException;
import dev.seedream.client.SeedreamValidationException.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static dev.seedream.nifi.CallFailure.Route.FAILURE;
import static dev.seedream.nifi.CallFailure.Route.QUOTA_EXHAUSTED;
import static dev.seedream.nifi.CallFailure.Route.RATE_LIMITED;
import static dev.seedream.nifi.CallFailure.Route.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each failure the client reports, built with the public constructors its error mapper uses, and where it sends
 * the input. Routing follows the type and {@code isRetryable()}, never the message.
 */
class CallFailureTest {

    private static final String REQUEST_ID = "021718000000000abcdef";

    private static ProviderError error(int status, String code) {
        return new ProviderError(status, code, "provider says no", null, REQUEST_ID);
    }

    @Test
    void providerRejectionsArePermanentWithStatusCodeAndRequestId() {
        CallFailure invalid = CallFailure.of(new SeedreamInvalidRequestException(
                new ProviderError(400, "InvalidParameter", "size is too small", "size", REQUEST_ID)));

        assertThat(invalid).isEqualTo(new CallFailure(FAILURE, "InvalidParameter",
                "Seedream API returned HTTP 400 InvalidParameter: size is too small (param size) [request id "
                        + REQUEST_ID + "]", 400, null, REQUEST_ID));
        assertThat(CallFailure.of(new SeedreamContentPolicyException(error(400, "InputTextSensitiveContentDetected"))))
                .extracting(CallFailure::route, CallFailure::code, CallFailure::httpStatus)
                .containsExactly(FAILURE, "InputTextSensitiveContentDetected", 400);
        assertThat(CallFailure.of(new SeedreamAuthenticationException(error(401, "AuthenticationError"))))
                .extracting(CallFailure::route, CallFailure::httpStatus).containsExactly(FAILURE, 401);
        assertThat(invalid.keepsInputQueued()).isFalse();
    }

    @Test
    void serverErrorsTimeoutsAndConnectionFailuresAreRetried() {
        CallFailure server = CallFailure.of(new SeedreamServerException(error(503, "ServiceUnavailable")));
        CallFailure timeout = CallFailure.of(new SeedreamTimeoutException("Seedream request timed out: read",
                true, "client-id-1", new IOException("read timed out")));
        CallFailure refused = CallFailure.of(new SeedreamConnectionException("Seedream connection failed",
                "client-id-2", new ConnectException("refused")));

        assertThat(List.of(server, timeout, refused)).extracting(CallFailure::route).containsOnly(RETRY);
        assertThat(server.httpStatus()).isEqualTo(503);
        assertThat(timeout).extracting(CallFailure::httpStatus, CallFailure::requestId)
                .containsExactly(0, "client-id-1");
        assertThat(refused).extracting(CallFailure::code, CallFailure::message)
                .containsExactly("ConnectionFailed", "Seedream connection failed [request id client-id-2]");
        assertThat(List.of(server, timeout, refused)).noneMatch(CallFailure::keepsInputQueued);
    }

    @Test
    void aRateLimitKeepsTheInputQueuedAndCarriesTheProvidersRetryAfter() {
        CallFailure limited = CallFailure.of(new SeedreamRateLimitException(error(429, "ServerOverloaded"),
                Duration.ofSeconds(30)));
        CallFailure withoutRetryAfter = CallFailure.of(new SeedreamRateLimitException(
                error(429, "RateLimitExceeded"), null));
        CallFailure local = CallFailure.of(SeedreamRateLimitException.localLimit("No request slot within 1 min"));

        assertThat(limited).extracting(CallFailure::route, CallFailure::code, CallFailure::retryAfter)
                .containsExactly(RATE_LIMITED, "ServerOverloaded", Duration.ofSeconds(30));
        assertThat(withoutRetryAfter.retryAfter()).isNull();
        assertThat(local).extracting(CallFailure::route, CallFailure::code, CallFailure::httpStatus,
                CallFailure::requestId).containsExactly(RATE_LIMITED, SeedreamRateLimitException.LOCAL_LIMIT_CODE, 0,
                null);
        assertThat(List.of(limited, withoutRetryAfter, local)).allMatch(CallFailure::keepsInputQueued);
    }

    @Test
    void anExhaustedQuotaIsNotARateLimitToWaitOutButKeepsTheInputQueuedToo() {
        CallFailure quota = CallFailure.of(new SeedreamQuotaExceededException(error(429, "QuotaExceeded")));

        assertThat(quota).extracting(CallFailure::route, CallFailure::code, CallFailure::retryAfter)
                .containsExactly(QUOTA_EXHAUSTED, "QuotaExceeded", null);
        assertThat(quota.keepsInputQueued()).isTrue();
    }

    @Test
    void theFailureBeneathAFuturesWrappersDecides() {
        SeedreamServerException server = new SeedreamServerException(error(500, "InternalServiceError"));

        assertThat(CallFailure.of(new CompletionException(new ExecutionException(server))))
                .isEqualTo(CallFailure.of(server));
    }

    @Test
    void invalidInputIsPermanentAndAnythingUnforeseenIsRetried() {
        CallFailure validation = CallFailure.of(new SeedreamValidationException(
                List.of(new Violation("size", "10x10", "pixel area below the minimum"))));
        CallFailure invalid = CallFailure.of(new IllegalArgumentException("Seed must be a whole number, got 'x'"));
        CallFailure unforeseen = CallFailure.of(new CompletionException(new IllegalStateException("bug")));

        assertThat(validation).extracting(CallFailure::route, CallFailure::code, CallFailure::httpStatus)
                .containsExactly(FAILURE, SeedreamValidationException.ERROR_CODE, 0);
        assertThat(validation.message()).contains("size").contains("pixel area");
        assertThat(invalid).isEqualTo(CallFailure.permanent("InvalidInput", "Seed must be a whole number, got 'x'"));
        assertThat(unforeseen).extracting(CallFailure::route, CallFailure::code, CallFailure::message)
                .containsExactly(RETRY, "UnexpectedError", "IllegalStateException: bug");
    }

    @Test
    void aGroupWhoseEveryImageFailedIsPermanentAndNamesTheFirstFailure() {
        CallFailure blocked = CallFailure.allImagesFailed(List.of(
                new ImageFailure(0, "OutputImageSensitiveContentDetected", "blocked"),
                new ImageFailure(1, "InternalServiceError", "lost")));

        assertThat(blocked).isEqualTo(CallFailure.permanent("OutputImageSensitiveContentDetected",
                "All 2 image(s) failed; first: blocked"));
        assertThat(CallFailure.allImagesFailed(List.of()).code()).isEqualTo("NoImages");
    }

    @Test
    void theDeadlineAndUnsentRecordsAreRetriedWithTheirOwnCodes() {
        CallFailure deadline = CallFailure.deadline(Duration.ofMinutes(15));
        CallFailure notSent = CallFailure.notSent();

        assertThat(deadline).extracting(CallFailure::route, CallFailure::code)
                .containsExactly(RETRY, CallFailure.DEADLINE_CODE);
        assertThat(deadline.message()).contains("Run Timeout of PT15M").contains("billed");
        assertThat(notSent).extracting(CallFailure::route, CallFailure::code)
                .containsExactly(RETRY, CallFailure.NOT_SENT_CODE);
        assertThat(List.of(deadline, notSent)).noneMatch(CallFailure::keepsInputQueued);
    }

    @Test
    void attributesCarryTheRequestIdOnlyWhenARequestWasSent() {
        CallFailure sent = CallFailure.of(new SeedreamServerException(error(500, "InternalServiceError")));

        assertThat(sent.attributes()).containsOnly(Map.entry("seedream.error.code", "InternalServiceError"),
                Map.entry("seedream.error.message", sent.message()), Map.entry("seedream.http.status", "500"),
                Map.entry("seedream.request.id", REQUEST_ID));
        assertThat(CallFailure.permanent("InvalidInput", "bad").attributes()).containsOnly(
                Map.entry("seedream.error.code", "InvalidInput"), Map.entry("seedream.error.message", "bad"),
                Map.entry("seedream.http.status", "0"));
    }
}
