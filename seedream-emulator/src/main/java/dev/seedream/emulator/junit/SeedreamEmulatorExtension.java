/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.EmulatorStats;
import dev.seedream.emulator.FaultControl;
import dev.seedream.emulator.RecordedRequest;
import dev.seedream.emulator.SeedreamEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process {@link SeedreamEmulator} per test class, for JUnit Jupiter:
 * <pre>{@code
 * @RegisterExtension
 * static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(
 *         EmulatorConfig.builder().latency(Latency.none()).build());
 *
 * @Test
 * void retries() {
 *     emulator.faults().schedule(Fault.HTTP_503);
 *     ... client pointed at emulator.baseUri() ...
 *     assertThat(emulator.stats().requestsForPrompt("a cat")).isEqualTo(2);
 * }
 * }</pre>
 * The emulator starts before all tests of the class (before its {@code @BeforeAll} methods, so they can already use
 * it), is {@linkplain SeedreamEmulator#reset() reset} before each test (counters, recorded requests, faults and
 * runtime configuration back to the start configuration) and is closed after all tests (after the class's
 * {@code @AfterAll} methods). Register it in a {@code static} field: as an instance field it would start and stop
 * around every test. {@code @Nested} classes share the emulator of their enclosing class.
 *
 * <p>JUnit is an optional dependency of the emulator: this class is only for test classpaths, which have it anyway.
 */
public final class SeedreamEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final EmulatorConfig config;
    private volatile SeedreamEmulator emulator;
    /** The unique id of the class context that started the emulator: only that one closes it. */
    private volatile String startedBy;

    private SeedreamEmulatorExtension(EmulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** An emulator with {@link EmulatorConfig#defaults()} on a random free port of 127.0.0.1. */
    public static SeedreamEmulatorExtension withDefaults() {
        return with(EmulatorConfig.defaults());
    }

    /** An emulator started with {@code config}; {@link #reset()} returns to it before each test. */
    public static SeedreamEmulatorExtension with(EmulatorConfig config) {
        return new SeedreamEmulatorExtension(config);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (emulator == null) {
            emulator = SeedreamEmulator.start(config);
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SeedreamEmulator running = emulator;
        if (running != null && context.getUniqueId().equals(startedBy)) {
            emulator = null;
            startedBy = null;
            running.close();
        }
    }

    /** The running emulator. */
    public SeedreamEmulator emulator() {
        SeedreamEmulator running = emulator;
        if (running == null) {
            throw new IllegalStateException("The Seedream emulator is not running: register SeedreamEmulatorExtension"
                    + " in a static @RegisterExtension field and use it from @BeforeAll, @BeforeEach or test methods"
                    + " (not from static initializers or after @AfterAll)");
        }
        return running;
    }

    /**
     * The API base a client is configured with, e.g. {@code http://127.0.0.1:41234/api/v3}, or {@code https://…} for
     * a config with a TLS key store (see {@link TestTls}).
     */
    public URI baseUri() {
        return emulator().baseUri();
    }

    public int port() {
        return emulator().port();
    }

    /** A snapshot of the counters since the start of the current test. */
    public EmulatorStats stats() {
        return emulator().stats();
    }

    public FaultControl faults() {
        return emulator().faults();
    }

    /** The oldest generation request of the current test not yet taken: {@link SeedreamEmulator#takeRequest()}. */
    public RecordedRequest takeRequest() throws InterruptedException {
        return emulator().takeRequest();
    }

    /** {@link SeedreamEmulator#takeRequest(Duration)}: {@code null} when none came within {@code timeout}. */
    public RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return emulator().takeRequest(timeout);
    }

    /** The configuration in force now. */
    public EmulatorConfig config() {
        return emulator().config();
    }

    /** Changes settings of the running emulator until the next reset (the next test at the latest). */
    public void configure(Consumer<EmulatorConfig.Builder> change) {
        emulator().configure(change);
    }

    /** Resets now, within a test; the extension already resets before each one. */
    public void reset() {
        emulator().reset();
    }

    @Override
    public String toString() {
        SeedreamEmulator running = emulator;
        return "SeedreamEmulatorExtension[" + (running == null ? "not running" : running.baseUri()) + "]";
    }
}
