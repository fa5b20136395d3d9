/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** Polls a folder until files appear: routes that watch folders finish in their own time. */
final class Awaits {

    private Awaits() {
    }

    static List<Path> files(Path folder, String suffix, int count, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> found = filesIn(folder, suffix);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = filesIn(folder, suffix);
        }
        return found;
    }

    /** The files in {@code folder} ending in {@code suffix}, sorted; none if the folder does not exist (yet). */
    static List<Path> filesIn(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
