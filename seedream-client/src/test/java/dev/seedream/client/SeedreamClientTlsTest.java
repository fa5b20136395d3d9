/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.security.cert.CertPathBuilderException;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sslContext(...)} over real loopback TLS: the emulator serves HTTPS with a self-signed test certificate. */
class SeedreamClientTlsTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).tlsKeyStore(TestTls.keyStore(), TestTls.password()).build());

    @Test
    void generatesAndDownloadsOverHttpsWithASslContextThatTrustsTheCertificate() {
        try (SeedreamClient client = EmulatorClients.builder(emulator).sslContext(TestTls.sslContext()).build()) {
            GenerationResult<byte[]> inline = client.generate(b64("a lighthouse over tls").build());
            GenerationResult<byte[]> linked = client.generate(b64("a harbour over tls")
                    .responseFormat(ResponseFormat.URL).build());

            assertThat(inline.firstImage().content()).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(linked.firstImage().url()).startsWith("https://127.0.0.1:" + emulator.port() + "/files/");
            assertThat(linked.firstImage().content()).as("downloaded over https")
                    .startsWith((byte) 0xFF, (byte) 0xD8);
        }
        assertThat(emulator.stats().imagesGenerated()).isEqualTo(2);
    }

    @Test
    void withoutTheSslContextTheCertificateIsRejectedOnceWithAClearError() {
        // The default policy: a certificate error is not retried, since every attempt would fail the same way.
        try (SeedreamClient client = EmulatorClients.builder(emulator).build()) {
            assertThatThrownBy(() -> client.generate(b64("an untrusted lighthouse").build()))
                    .isInstanceOfSatisfying(SeedreamTlsException.class, e -> {
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.errorCode()).isEqualTo("TlsHandshakeFailed");
                    })
                    .hasMessageStartingWith("Seedream TLS handshake failed: ")
                    .hasMessageContaining("unable to find valid certification path to requested target")
                    .hasMessageContaining("give the client an sslContext that trusts it")
                    .hasRootCauseInstanceOf(CertPathBuilderException.class);
            assertThat(client.metrics().retries()).isZero();
        }
        assertThat(emulator.stats().generationRequests()).isZero();
    }
}
