/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import dev.seedream.client.SeedreamTlsException;
import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS options over real loopback TLS: the emulator serves HTTPS with a self-signed test certificate that only a trust
 * store holding it accepts, so a call succeeds only if the option under test reached the client.
 */
class SeedreamTlsTest extends SeedreamTestSupport {

    /** HTTPS is chosen when the emulator starts, so this test has its own; the default one stays idle. */
    @RegisterExtension
    static final SeedreamEmulatorExtension tlsEmulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .tlsKeyStore(TestTls.keyStore(), TestTls.password()).build());

    @Override
    SeedreamEmulatorExtension emulator() {
        return tlsEmulator;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("tls", trustingTheTestCertificate());
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setSSLContextParameters(trustingTheTestCertificate());
        // Global parameters reach only a component told to use them: a second one, so "seedream" shows the opposite.
        SeedreamComponent globalTls = new SeedreamComponent();
        globalTls.setConfiguration(context.getComponent("seedream", SeedreamComponent.class).getConfiguration().copy());
        globalTls.setUseGlobalSslContextParameters(true);
        context.addComponent("seedream-global-tls", globalTls);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:endpointTls").to("seedream:generate?sslContextParameters=#tls&responseFormat=url");
                from("direct:globalTls").to("seedream-global-tls:generate");
                from("direct:noTls").to("seedream:generate?maxRetries=0");
            }
        };
    }

    @Test
    void theEndpointsSslContextParametersTrustTheEmulator() {
        Exchange result = template.request("direct:endpointTls", e -> e.getIn().setBody("a ferry over tls"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_URL, String.class))
                .startsWith("https://127.0.0.1:" + tlsEmulator.port() + "/files/");
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).as("downloaded over https").isTrue();
    }

    @Test
    void theGlobalSslContextParametersTrustTheEmulatorWhenTheComponentUsesThem() {
        Exchange result = template.request("direct:globalTls", e -> e.getIn().setBody("a tug over tls"));

        assertThat(result.getException()).isNull();
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).isTrue();
    }

    @Test
    void withoutEitherTheJdkTrustStoreRejectsTheCertificate() {
        Exchange result = template.request("direct:noTls", e -> e.getIn().setBody("an untrusted barge"));

        assertThat(result.getException()).isInstanceOf(SeedreamTlsException.class)
                .hasMessageContaining("PKIX path building failed").hasMessageContaining("sslContextParameters");
        assertThat(tlsEmulator.stats().generationRequests()).isZero();
    }

    /** A trust store file holding only the test certificate, as a Camel user would configure one. */
    private static SSLContextParameters trustingTheTestCertificate() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + TestTls.trustStore());
        trustStore.setType("PKCS12");
        trustStore.setPassword(TestTls.password());
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
