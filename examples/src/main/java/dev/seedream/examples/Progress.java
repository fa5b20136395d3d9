/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints "done / total" and images per second while a run works, and a summary at the end. */
final class Progress {

    private final PrintStream out;
    private final AtomicInteger written = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int total;
    private volatile long startNanos;

    Progress(PrintStream out) {
        this.out = out;
    }

    void start(int prompts) {
        total = prompts;
        startNanos = System.nanoTime();
        out.printf("Generating images for %d prompts…%n", prompts);
    }

    void imageWritten() {
        report(written.incrementAndGet(), "image");
    }

    void promptRejected() {
        rejected.incrementAndGet();
        report(written.get(), "rejected by the content policy");
    }

    void promptFailed(Exception cause) {
        failed.incrementAndGet();
        report(written.get(), "failed: " + (cause == null ? "unknown error" : cause.getMessage()));
    }

    int written() {
        return written.get();
    }

    int rejected() {
        return rejected.get();
    }

    int failed() {
        return failed.get();
    }

    private void report(int images, String what) {
        int done = images + rejected.get() + failed.get();
        out.printf(Locale.ROOT, "[%3d/%d] %5.2f images/s  %s%n", done, total, imagesPerSecond(images), what);
    }

    private double imagesPerSecond(int images) {
        double seconds = Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
        return seconds == 0 ? 0 : images / seconds;
    }
}
