/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.Objects;

/**
 * One fault with its parameter. Only {@link Fault#SSE_CUT} (events sent before the cut) and {@link Fault#HTTP_429}
 * ({@code Retry-After} seconds) take one; other faults ignore it.
 *
 * @param explicit whether the parameter was given; {@link #of} leaves it to the fault's default, which for
 *                 {@code HTTP_429} means no {@code Retry-After} unless {@link EmulatorConfig#retryAfterOn429()} is on
 */
public record FaultSpec(Fault fault, int parameter, boolean explicit) {

    /** Default events sent before an SSE cut, and default {@code Retry-After} seconds of an injected 429. */
    static final int DEFAULT_PARAMETER = 1;

    public FaultSpec {
        Objects.requireNonNull(fault, "fault");
        if (parameter < 0) {
            throw new IllegalArgumentException("fault parameter must be >= 0: " + parameter);
        }
    }

    /** A fault with an explicit parameter. */
    public FaultSpec(Fault fault, int parameter) {
        this(fault, parameter, true);
    }

    /** A fault with its default parameter. */
    public static FaultSpec of(Fault fault) {
        return new FaultSpec(fault, DEFAULT_PARAMETER, false);
    }

    /** A stream cut after {@code events} image events (0 = right after the response headers). */
    public static FaultSpec sseCutAfter(int events) {
        return new FaultSpec(Fault.SSE_CUT, events);
    }

    /** An injected 429 announcing {@code Retry-After: seconds}, whatever {@code retryAfterOn429} says. */
    public static FaultSpec http429(int retryAfterSeconds) {
        return new FaultSpec(Fault.HTTP_429, retryAfterSeconds);
    }
}
