/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request broke one or more documented limits and was rejected locally, before any network call.
 * Every violation is collected, so one round trip through the user's flow shows all of them.
 */
public class SeedreamValidationException extends SeedreamException {

    private static final long serialVersionUID = 1L;

    /** The error code of this failure. */
    public static final String ERROR_CODE = "ValidationFailed";

    /** Every violation found. */
    private final List<Violation> violations;

    /**
     * Creates the failure; its message lists every violation.
     *
     * @param violations the violations found
     */
    public SeedreamValidationException(List<Violation> violations) {
        super(describe(violations), 0, ERROR_CODE, null, false, null);
        this.violations = List.copyOf(violations);
    }

    /**
     * Every broken rule of the request.
     *
     * @return the violations
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        String prefix = violations.size() == 1 ? "Invalid Seedream request: " : "Invalid Seedream request ("
                + violations.size() + " problems): ";
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; ", prefix, ""));
    }

    /**
     * One broken rule.
     *
     * @param field the API field name, e.g. {@code size} or {@code image[2]}
     * @param value the offending value, already redacted and truncated for display (may be null)
     * @param rule  the rule in words, e.g. {@code "must be at most 10 for seedream-4-0-250828"}
     */
    public record Violation(String field, String value, String rule) {
        @Override
        public String toString() {
            return value == null ? field + " " + rule : field + " '" + value + "' " + rule;
        }
    }
}
