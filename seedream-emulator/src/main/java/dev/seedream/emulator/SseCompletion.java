/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.Locale;

/**
 * How a stream ends after its image events. A live capture shows {@code completed} and {@code [DONE]}; one source
 * says a stream may end without {@code completed}: clients must accept every variant, so tests can pick one.
 */
public enum SseCompletion {
    /** {@code image_generation.completed} with usage, then {@code data: [DONE]} (the default). */
    COMPLETED_AND_DONE(true, true),
    /** No {@code completed} event, but a final {@code data: [DONE]}. */
    DONE_ONLY(false, true),
    /** Neither: the body ends cleanly right after the last image event. */
    NONE(false, false);

    private final boolean completed;
    private final boolean done;

    SseCompletion(boolean completed, boolean done) {
        this.completed = completed;
        this.done = done;
    }

    boolean sendsCompleted() {
        return completed;
    }

    boolean sendsDone() {
        return done;
    }

    /** {@code completed-and-done}, {@code done-only} or {@code none}, as the CLI and admin API write it. */
    public static SseCompletion parse(String value) {
        for (SseCompletion c : values()) {
            if (c.toString().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("use completed-and-done, done-only or none: " + value);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
