/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.emulator.junit.FreePorts;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.proxy.ProxyConfiguration;
import org.apache.nifi.proxy.ProxyConfigurationService;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.MockPropertyConfiguration;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Proxy;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardSeedreamConnectionServiceTest extends SeedreamTestSupport {

    private static final String WRONG_KEY = "wrong-secret-key";

    private final TestRunner runner = TestRunners.newTestRunner(new GenerateImageSeedream());
    private final StandardSeedreamConnectionService service = new StandardSeedreamConnectionService();

    @BeforeEach
    void addService() throws InitializationException {
        runner.addControllerService(SERVICE_ID, service);
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, emulator.baseUri().toString());
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, API_KEY);
    }

    @Test
    void aFlowFromNiFi23KeepsItsProxyServiceUnderThisVersionsPropertyName() {
        MockPropertyConfiguration saved = new MockPropertyConfiguration(Map.of(
                "API Key", API_KEY, "proxy-configuration-service", "proxy-1"));

        service.migrateProperties(saved);

        assertThat(StandardSeedreamConnectionService.PROXY_CONFIGURATION_SERVICE.getName())
                .isEqualTo("Proxy Configuration Service");
        assertThat(saved.getRawProperties()).containsEntry("Proxy Configuration Service", "proxy-1")
                .doesNotContainKey("proxy-configuration-service").containsEntry("API Key", API_KEY);
    }

    @Test
    void aFlowSavedBeforeTheRenameKeepsItsRateLimitWaitTimeout() {
        MockPropertyConfiguration saved = new MockPropertyConfiguration(Map.of(
                "API Key", API_KEY, "Max Limit Wait", "20 secs"));

        service.migrateProperties(saved);

        assertThat(saved.getRawProperties()).containsEntry("Rate Limit Wait Timeout", "20 secs")
                .doesNotContainKey("Max Limit Wait").containsEntry("API Key", API_KEY);
    }

    @Test
    void verifyReachesTheApiAndAcceptsTheKeyWithoutGeneratingAnImage() {
        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(results.get(1).getExplanation()).contains("accepted").contains("seedream-4-0-250828");
        assertThat(emulator.stats().generationRequests()).isEqualTo(1);
        assertThat(emulator.stats().requestsWithStatus(400)).isEqualTo(1);
        assertThat(emulator.stats().imagesGenerated()).isZero();
    }

    @Test
    void verifyReportsARejectedKeyWithoutRevealingIt() {
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, WRONG_KEY);

        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(1).getExplanation()).contains("API key was rejected").doesNotContain(WRONG_KEY);
        assertThat(emulator.stats().requestsWithStatus(401)).isEqualTo(1);
    }

    @Test
    void verifyReportsAnUnknownModel() {
        runner.setProperty(service, StandardSeedreamConnectionService.MODEL, "seedream-9-9-999999");

        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(1).getExplanation()).contains("seedream-9-9-999999 was not found");
    }

    @Test
    void verifyReportsAnUnreachableEndpoint() {
        int closedPort = FreePorts.loopback();
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL,
                "http://127.0.0.1:" + closedPort + "/api/v3");
        runner.setProperty(service, StandardSeedreamConnectionService.CONNECT_TIMEOUT, "2 secs");

        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results.get(0).getOutcome()).isEqualTo(Outcome.SUCCESSFUL);
        assertThat(results.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(results.get(1).getExplanation()).startsWith("Could not verify http://127.0.0.1:" + closedPort);
    }

    @Test
    void sendsItsRequestsThroughTheProxyService() throws InitializationException {
        ProxyConfiguration proxy = new ProxyConfiguration();
        proxy.setProxyType(Proxy.Type.HTTP);
        proxy.setProxyServerHost("127.0.0.1");
        proxy.setProxyServerPort(emulator.port());
        proxy.setProxyUserName("proxy-user");
        runner.addControllerService("proxy", new FixedProxyService(proxy));
        runner.enableControllerService(runner.getControllerService("proxy"));
        // A reserved name that is never looked up: the emulator, standing in for the proxy, is the only way there.
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, "http://seedream.invalid/api/v3");
        runner.setProperty(service, StandardSeedreamConnectionService.PROXY_CONFIGURATION_SERVICE, "proxy");

        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(emulator.stats().proxiedRequests()).isEqualTo(1);
    }

    @Test
    void rejectsBadPropertyValues() {
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, "not a url");
        runner.setProperty(service, StandardSeedreamConnectionService.IMAGES_PER_MINUTE, "-1");
        runner.setProperty(service, StandardSeedreamConnectionService.READ_TIMEOUT, "soon");

        runner.assertNotValid(service);
    }

    @Test
    void ownsOneClientWhileEnabledAndClosesItWhenDisabled() {
        runner.enableControllerService(service);
        assertThat(service.getClient()).isSameAs(service.getClient());
        assertThat(service.getClient().toString()).doesNotContain(API_KEY);
        assertThat(service.getTransitUri()).isEqualTo(emulator.baseUri() + "/images/generations");

        runner.disableControllerService(service);

        assertThatThrownBy(service::getClient).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not enabled");
    }

    @Test
    void processorVerifyFailsClearlyWhenTheServiceIsDisabled() {
        runner.setProperty(AbstractSeedreamProcessor.CONNECTION_SERVICE, SERVICE_ID);
        runner.setProperty(GenerateImageSeedream.PROMPT, "x");

        List<ConfigVerificationResult> results = runner.verify(Map.of());

        assertThat(results).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.FAILED, Outcome.SKIPPED);
    }

    @Test
    void keyNeverReachesTheLogs() {
        runner.verify(service, Map.of());
        runner.enableControllerService(service);

        assertThat(runner.getControllerServiceLogger(SERVICE_ID).getInfoMessages()).isNotEmpty();
        assertApiKeyNowhere(runner);
    }

    /** NiFi's proxy service API with a fixed answer, as a configured StandardProxyConfigurationService gives. */
    private static final class FixedProxyService extends AbstractControllerService
            implements ProxyConfigurationService {

        private final ProxyConfiguration configuration;

        FixedProxyService(ProxyConfiguration configuration) {
            this.configuration = configuration;
        }

        @Override
        public ProxyConfiguration getConfiguration() {
            return configuration;
        }
    }
}
