/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seedream.client.SeedreamAuthenticationException;
import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamNotFoundException;
import dev.seedream.client.SeedreamPermissionException;
import dev.seedream.client.SeedreamQuotaExceededException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.client.SeedreamServerException;
import dev.seedream.client.SeedreamServiceException;
import dev.seedream.client.SeedreamServiceException.ProviderError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTest {

    private final ErrorMapper errors = new ErrorMapper(new JsonFactory(), "sk-test-key");

    private SeedreamServiceException fromBody(int status, String body) {
        return errors.fromResponse(status, body.getBytes(StandardCharsets.UTF_8), null, "sent-id", null, null);
    }

    @ParameterizedTest
    @CsvSource({"QuotaExceeded", "SetLimitExceeded"})
    void theQuotaFamilyOf429IsNotRetryable(String code) {
        SeedreamServiceException e = fromBody(429, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}");

        assertThat(e).isInstanceOf(SeedreamQuotaExceededException.class);
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ModelAccountIpmRateLimitExceeded", "InflightBatchsizeExceeded", "RequestBurstTooFast",
            "SomethingNobodyDocumented", "''"})
    void everyOther429StaysARetryableRateLimit(String code) {
        SeedreamServiceException e = fromBody(429, "{\"error\":{\"code\":\"" + code + "\"}}");

        assertThat(e).isExactlyInstanceOf(SeedreamRateLimitException.class);
        assertThat(e.isRetryable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "InvalidParameter, , SeedreamInvalidRequestException",
            "OutputImageSensitiveContentDetected, , SeedreamContentPolicyException",
            "AuthenticationError, , SeedreamAuthenticationException",
            "AccountOverdueError, , SeedreamPermissionException",
            "ModelNotOpen, , SeedreamNotFoundException",
            "InvalidEndpointOrModel.NotFound, , SeedreamNotFoundException",
            "ServerOverloaded, , SeedreamRateLimitException",
            "SetLimitExceeded, , SeedreamQuotaExceededException",
            "InternalServiceError, , SeedreamServerException",
            "BrandNewCode, TooManyRequests, SeedreamRateLimitException",
            "BrandNewCode, Forbidden, SeedreamPermissionException",
            "BrandNewCode, , SeedreamServiceException"})
    void anErrorInsideA200IsTypedByItsCodeThenItsType(String code, String type, String expected) {
        SeedreamException e = ErrorMapper.fromProviderError(new ProviderError(200, code, "m", null, "id"), type, null);

        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.httpStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownCodeInA200IsNotRetried() {
        assertThat(ErrorMapper.fromProviderError(new ProviderError(200, "BrandNewCode", "m", null, "id"), null, null)
                .isRetryable()).isFalse();
    }

    @Test
    void theStatusDecidesBeforeTheCode() {
        assertThat(fromBody(403, "{\"error\":{\"code\":\"QuotaExceeded\"}}"))
                .isExactlyInstanceOf(SeedreamPermissionException.class);
        assertThat(fromBody(503, "<html>busy</html>")).isExactlyInstanceOf(SeedreamServerException.class)
                .hasMessageContaining("<html>busy</html>");
        assertThat(fromBody(401, "{}")).isInstanceOf(SeedreamAuthenticationException.class);
        assertThat(fromBody(404, "{}")).isInstanceOf(SeedreamNotFoundException.class);
        assertThat(fromBody(400, "{\"error\":{\"code\":\"InputTextSensitiveContentDetected\"}}"))
                .isInstanceOf(SeedreamContentPolicyException.class);
    }

    @Test
    void requestIdComesFromTheHeaderThenTheMessageThenWhatWeSent() {
        assertThat(ErrorMapper.requestId("h", "x. Request id: m1", "c")).isEqualTo("h");
        assertThat(ErrorMapper.requestId(null, "x. Request id: 20260101abc.", "c")).isEqualTo("20260101abc");
        assertThat(ErrorMapper.requestId(null, "x. request ID:021-a_b", "c")).isEqualTo("021-a_b");
        assertThat(ErrorMapper.requestId(null, "Request id: in the middle, then more text", "c")).isEqualTo("c");
        assertThat(ErrorMapper.requestId(null, null, "c")).isEqualTo("c");
    }
}
