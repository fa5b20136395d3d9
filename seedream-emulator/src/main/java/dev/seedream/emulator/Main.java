/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar seedream-emulator.jar --port 8089 ...}: runs the emulator until SIGTERM or Ctrl-C. */
public final class Main {

    private static final int USAGE_ERROR = 2;
    private static final int START_ERROR = 1;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("seedream-emulator: " + e.getMessage());
            System.err.println("Run with --help to list the flags.");
            System.exit(USAGE_ERROR);
            return;
        }
        if (cli.help()) {
            System.out.print(CommandLine.usage());
            return;
        }
        SeedreamEmulator emulator;
        try {
            emulator = SeedreamEmulator.start(cli.config());
        } catch (RuntimeException e) {
            System.err.println("seedream-emulator: cannot start: " + e);
            System.exit(START_ERROR);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "seedream-emulator-shutdown"));
        System.out.println("Seedream emulator listening on " + emulator.baseUri());
        System.out.println("Admin API: " + emulator.baseUri().resolve("/__emulator/stats"));
        stopped.await();
    }
}
