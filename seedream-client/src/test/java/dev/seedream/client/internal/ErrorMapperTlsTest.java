/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.SeedreamConnectionException;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamTlsException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.security.cert.CertificateException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which handshake failures are final. The rejected certificate itself is tested over real TLS in
 * {@code SeedreamClientTlsTest}; a handshake timeout cannot be provoked there reliably, so its exception chain, as
 * AsyncHttpClient hands it over (a {@link ConnectException} around Netty's exception), is built here.
 */
class ErrorMapperTlsTest {

    @Test
    void aRejectedCertificateIsAFinalTlsFailure() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path"));

        SeedreamException error = new ErrorMapper(new com.fasterxml.jackson.core.JsonFactory(), "k").fromThrowable(connectFailure(handshake), null);

        assertThat(error).isInstanceOf(SeedreamTlsException.class);
        assertThat(error.isRetryable()).isFalse();
    }

    @Test
    void aHandshakeThatTimedOutIsARetryableConnectionFailure() {
        SeedreamException error = new ErrorMapper(new com.fasterxml.jackson.core.JsonFactory(), "k").fromThrowable(
                connectFailure(new SslHandshakeTimeoutException("handshake timed out after 10000ms")), null);

        assertThat(error).isExactlyInstanceOf(SeedreamConnectionException.class);
        assertThat(error.isRetryable()).isTrue();
    }

    private static ConnectException connectFailure(Throwable cause) {
        ConnectException failure = new ConnectException(cause.getMessage());
        failure.initCause(cause);
        return failure;
    }
}
