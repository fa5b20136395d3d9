/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts established TCP connections to or from a port by reading Linux's {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}: the emulator's port identifies every connection a client opened to it, whichever
 * library opened it. The tables are per machine (network namespace), so a connection between two local processes
 * counts twice: once for each end.
 */
public final class ConnectionCounter {

    private static final String ESTABLISHED = "01";

    private ConnectionCounter() {
    }

    /** Whether the count can be taken here (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    public static int established(int port) {
        return count(Path.of("/proc/net/tcp"), port) + count(Path.of("/proc/net/tcp6"), port);
    }

    private static int count(Path table, int port) {
        if (!Files.isReadable(table)) {
            return 0;
        }
        String hexPort = String.format(":%04X", port);
        try {
            List<String> lines = Files.readAllLines(table);
            int count = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                boolean ours = fields[1].endsWith(hexPort) || fields[2].endsWith(hexPort);
                if (ours && ESTABLISHED.equals(fields[3])) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
