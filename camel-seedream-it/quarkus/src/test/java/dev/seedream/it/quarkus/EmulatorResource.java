/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.it.quarkus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import dev.seedream.emulator.SeedreamEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Seedream emulator on a free port of 127.0.0.1 for the application under test: its address and an accepted key
 * reach application.properties as SEEDREAM_BASE_URL and SEEDREAM_API_KEY, as the environment would give them.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "test-key";

    /** Marks the test's {@link SeedreamEmulator} field that receives the running emulator. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Emulator {
    }

    private SeedreamEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = SeedreamEmulator.start();
        return Map.of("SEEDREAM_BASE_URL", emulator.baseUri().toString(), "SEEDREAM_API_KEY", API_KEY);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(emulator, new TestInjector.AnnotatedAndMatchesType(Emulator.class,
                SeedreamEmulator.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
