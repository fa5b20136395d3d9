/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;

import dev.seedream.client.RetryPolicy;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against an in-process emulator: the component's defaults point at it, accept its key, switch the
 * images-per-minute limit off and shorten retry delays so fault tests stay fast.
 */
abstract class SeedreamTestSupport extends CamelTestSupport {

    static final String API_KEY = "test-key";

    /**
     * Started for each concrete test class before all its tests, so before the Camel context each test gets, and
     * reset before each test; a test that needs other settings changes them in a {@code @BeforeEach}
     * ({@code emulator.configure(...)}, undone by the next reset).
     */
    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    /** The emulator the component's defaults point at; a test of settings made at start (TLS) returns its own. */
    SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SeedreamConfiguration defaults = context.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(emulator().baseUri().toString());
        defaults.setApiKey(API_KEY);
        defaults.setSize("1K");
        defaults.setImagesPerMinute(0);
        defaults.setRetryPolicy(RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)));
        return context;
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    }
}
