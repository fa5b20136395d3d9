/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestTls;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.ssl.SSLContextProvider;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.seedream.nifi.SeedreamTestSupport.API_KEY;
import static dev.seedream.nifi.SeedreamTestSupport.SERVICE_ID;
import static dev.seedream.nifi.SeedreamTestSupport.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection service's SSL Context Service over real loopback TLS: the emulator serves HTTPS with a self-signed
 * test certificate that only the test {@link SSLContextProvider} trusts. Not a {@link SeedreamTestSupport}, whose
 * emulator speaks plain HTTP.
 */
class SeedreamTlsTest {

    private static final String TLS_SERVICE_ID = "tls";

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).tlsKeyStore(TestTls.keyStore(), TestTls.password()).build());

    private final TestRunner runner = TestRunners.newTestRunner(new GenerateImageSeedream());
    private final StandardSeedreamConnectionService service = new StandardSeedreamConnectionService();

    @BeforeEach
    void addServices() throws InitializationException {
        TrustingTheTestCertificate tls = new TrustingTheTestCertificate();
        runner.addControllerService(TLS_SERVICE_ID, tls);
        runner.enableControllerService(tls);
        runner.addControllerService(SERVICE_ID, service);
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, emulator.baseUri().toString());
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, API_KEY);
        runner.setProperty(service, StandardSeedreamConnectionService.MAX_RETRIES, "0");
    }

    @Test
    void verifyReachesTheApiThroughTheSslContextService() {
        runner.setProperty(service, StandardSeedreamConnectionService.SSL_CONTEXT_SERVICE, TLS_SERVICE_ID);

        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(emulator.stats().generationRequests()).isEqualTo(1);
    }

    @Test
    void verifyWithoutTheSslContextServiceReportsTheUntrustedCertificate() {
        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(1).getExplanation()).startsWith("Could not verify " + emulator.baseUri())
                .contains("PKIX path building failed").contains("SSL Context Service");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void generatesAndDownloadsAnImageOverHttps() {
        runner.setProperty(service, StandardSeedreamConnectionService.SSL_CONTEXT_SERVICE, TLS_SERVICE_ID);
        runner.enableControllerService(service);
        runner.setProperty(AbstractSeedreamProcessor.CONNECTION_SERVICE, SERVICE_ID);
        runner.setProperty(RequestOptions.SIZE, SMALL);
        runner.setProperty(RequestOptions.RESPONSE_FORMAT, RequestOptions.FORMAT_URL);
        runner.setProperty(GenerateImageSeedream.PROMPT, "a lighthouse over tls");
        runner.enqueue("");

        runner.run();

        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, 1);
        MockFlowFile image = runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.SUCCESS).get(0);
        assertThat(image.getAttribute(SeedreamAttributes.URL))
                .startsWith("https://127.0.0.1:" + emulator.port() + "/files/");
        assertThat(Arrays.copyOf(image.toByteArray(), 2)).as("a JPEG downloaded over https")
                .containsExactly(0xFF, 0xD8);
    }

    /** NiFi's SSL context API with a fixed answer, as a configured StandardSSLContextService gives. */
    private static final class TrustingTheTestCertificate extends AbstractControllerService
            implements SSLContextProvider {

        @Override
        public SSLContext createContext() {
            return TestTls.sslContext();
        }

        @Override
        public Optional<X509ExtendedKeyManager> createKeyManager() {
            return Optional.empty();
        }

        @Override
        public X509TrustManager createTrustManager() {
            return TestTls.trustManager();
        }
    }
}
