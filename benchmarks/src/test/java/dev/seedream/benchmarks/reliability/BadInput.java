/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * One bad input: where it enters, what it is, the action that must fail before any request is sent, and words the
 * error must contain (the field and the rule).
 */
record BadInput(String surface, String name, Callable<?> action, List<String> expected) {

    static BadInput of(String surface, String name, Callable<?> action, String... expected) {
        return new BadInput(surface, name, action, List.of(expected));
    }

    /** Runs the action and returns the text of its error with all causes; fails when there was none. */
    String errorText() {
        Object result;
        try {
            result = action.call();
        } catch (Throwable e) {
            return describe(e);
        }
        if (result instanceof String text) {
            return text; // adapters that route instead of throwing return the routed error text
        }
        throw new AssertionError(this + " was accepted: " + result);
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = error; e != null; e = e.getCause()) {
            text.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return surface + ": " + name;
    }
}
