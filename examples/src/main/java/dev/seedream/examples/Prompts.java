/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import java.util.List;

/** Prompts are the non-blank lines of a text file; lines starting with # are comments. */
public final class Prompts {

    private Prompts() {
    }

    public static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static int count(String text) {
        return lines(text).size();
    }
}
