/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short duration syntax shared by the CLI, the admin API and the benchmarks' arguments: {@code 250ms},
 * {@code 2s}, {@code 1.5s}, {@code 10m}, {@code 24h}, or ISO-8601.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millisPerUnit = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            return Duration.ofNanos(Math.round(amount * millisPerUnit * 1_000_000));
        }
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("not a duration (use e.g. 500ms, 2s, 10m, 24h): " + text);
    }

    static String format(Duration d) {
        return d.toMillis() + "ms";
    }
}
