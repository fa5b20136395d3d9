/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.HashMap;
import java.util.Map;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.ValidationMode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.camel.Component;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URI → configuration, component defaults, and who owns (and closes) the client. */
class SeedreamComponentConfigurationTest extends CamelTestSupport {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();
    private static SeedreamClient sharedClient;

    @BeforeAll
    static void start() {
        sharedClient = SeedreamClient.builder().baseUrl(emulator.baseUri().toString()).apiKey("test-key").build();
    }

    @AfterAll
    static void stop() {
        sharedClient.close();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("seedreamClient", sharedClient);
    }

    @Test
    void uriOptionsLandInTheEndpointConfiguration() {
        SeedreamEndpoint endpoint = context.getEndpoint("seedream:edit?model=seedream-4-5-251128&size=2K&seed=7"
                + "&watermark=false&maxImages=4&stream=true&requestTimeout=90s&maxLimitWait=2500"
                + "&validationMode=PROTOCOL_ONLY&responseFormat=url&batchConcurrency=6&failFast=true",
                SeedreamEndpoint.class);

        SeedreamConfiguration config = endpoint.getConfiguration();
        assertThat(endpoint.getOperation()).isEqualTo(SeedreamOperation.edit);
        assertThat(config.getModel()).isEqualTo("seedream-4-5-251128");
        assertThat(config.getSize()).isEqualTo("2K");
        assertThat(config.getSeed()).isEqualTo(7L);
        assertThat(config.getWatermark()).isFalse();
        assertThat(config.getMaxImages()).isEqualTo(4);
        assertThat(config.isStream()).isTrue();
        assertThat(config.getRequestTimeout()).isEqualTo(90_000L);
        assertThat(config.getMaxLimitWait()).isEqualTo(2_500L);
        assertThat(config.getValidationMode()).isEqualTo(ValidationMode.PROTOCOL_ONLY);
        assertThat(config.getResponseFormat()).isEqualTo("url");
        assertThat(config.getBatchConcurrency()).isEqualTo(6);
        assertThat(config.isFailFast()).isTrue();
    }

    @Test
    void componentOptionsAreDefaultsThatEndpointsCopy() {
        SeedreamComponent component = context.getComponent("seedream", SeedreamComponent.class);
        component.getConfiguration().setSize("4K");

        SeedreamEndpoint inheriting = context.getEndpoint("seedream:generate", SeedreamEndpoint.class);
        SeedreamEndpoint overriding = context.getEndpoint("seedream:generate?size=1K", SeedreamEndpoint.class);

        assertThat(inheriting.getConfiguration().getSize()).isEqualTo("4K");
        assertThat(overriding.getConfiguration().getSize()).isEqualTo("1K");
        assertThat(component.getConfiguration().getSize()).isEqualTo("4K");
    }

    @Test
    void clientOptionsSetOnTheComponentByNameAreTheDefaultsOfEveryEndpoint() {
        Component component = context.getComponent("seedream");
        PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer()).bind(context,
                component, new HashMap<>(Map.of("apiKey", "component-key", "readTimeout", "30s", "maxRetries", "1",
                        "proxyHost", "proxy.example.com")));

        SeedreamConfiguration config = context.getEndpoint("seedream:generate?maxRetries=2", SeedreamEndpoint.class)
                .getConfiguration();

        assertThat(config.getApiKey()).isEqualTo("component-key");
        assertThat(config.getReadTimeout()).isEqualTo(30_000L);
        assertThat(config.getProxyHost()).isEqualTo("proxy.example.com");
        assertThat(config.getMaxRetries()).isEqualTo(2);
    }

    @Test
    void anUnknownOperationIsRejectedNamingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("seedream:paint"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("[generate, edit, batch]");
    }

    @Test
    void aClientBeanIsAutowiredSharedAndNotClosedByTheEndpoint() throws Exception {
        SeedreamEndpoint first = context.getEndpoint("seedream:generate", SeedreamEndpoint.class);
        SeedreamEndpoint second = context.getEndpoint("seedream:batch", SeedreamEndpoint.class);
        first.start();
        second.start();

        assertThat(first.getClient()).isSameAs(sharedClient);
        assertThat(second.getClient()).isSameAs(sharedClient);

        context.stop();
        assertThat(sharedClient.generate(ImageRequest.builder().prompt("still open").size("1K").build()).images())
                .hasSize(1);
    }

    @Test
    void namesTheClientOptionsThatAnAutowiredClientMakesIneffective() {
        SeedreamEndpoint plain = context.getEndpoint("seedream:generate?size=2K", SeedreamEndpoint.class);
        SeedreamEndpoint tuned = context.getEndpoint("seedream:generate?apiKey=RAW(other)&maxRetries=1"
                + "&proxyHost=proxy.example.com&proxyPort=3128&readTimeout=30s", SeedreamEndpoint.class);

        assertThat(tuned.getClient()).isSameAs(sharedClient);
        assertThat(plain.getConfiguration().namesSetApartFromDefaults()).isEmpty();
        assertThat(tuned.getConfiguration().namesSetApartFromDefaults())
                .containsExactlyInAnyOrder("apiKey", "readTimeout", "maxRetries", "proxyHost", "proxyPort");
    }

    @Test
    void theBudgetOptionsAreClientOptionsThatAGivenClientMakesIneffectiveToo() {
        SeedreamEndpoint budgeted = context.getEndpoint("seedream:generate?budgetRedisUri=redis://127.0.0.1:1"
                + "&budgetKey=pods&budgetNodes=3&budgetFallback=FAIL&budgetTimeout=1s", SeedreamEndpoint.class);

        assertThat(budgeted.getClient()).isSameAs(sharedClient);
        assertThat(budgeted.getConfiguration().namesSetApartFromDefaults()).containsExactlyInAnyOrder(
                "budgetRedisUri", "budgetKey", "budgetNodes", "budgetFallback", "budgetTimeout");
    }
}
