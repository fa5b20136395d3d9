/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The fixture of a shared-budget cluster test: the emulator enforcing {@code limit} images per shortened window, a
 * Redis for the budget, and runs of worker JVMs ({@link WorkerJvms}) started together. Before each test it waits a
 * window, so the last run's images have left the emulator's window. Register it in a static
 * {@code @RegisterExtension} field, or {@link #start()} and {@link #close()} it yourself (a benchmark).
 */
public final class BudgetCluster implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    private final int limit;
    private final Duration window;
    private SeedreamEmulator emulator;
    private RedisServer redis;

    private BudgetCluster(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    public static BudgetCluster of(int limit, Duration window) {
        return new BudgetCluster(limit, window);
    }

    /** Starts the emulator and Redis. */
    public BudgetCluster start() {
        emulator = SeedreamEmulator.start(EmulatorConfig.builder().imagesPerMinute(limit).rateWindow(window)
                .latency(Latency.fixed(Duration.ofMillis(20))).build());
        redis = RedisServer.start();
        return this;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** The emulator, once started. */
    public SeedreamEmulator emulator() {
        return emulator;
    }

    public RedisServer redis() {
        return redis;
    }

    /**
     * Starts {@code nodes} JVMs of {@code worker} with {@code args}, lets them warm up, clears the emulator's window,
     * starts them together, and reads the images the emulator generated within {@code duration}.
     */
    public Run run(int nodes, Class<?> worker, Duration duration, String... args) throws InterruptedException {
        return run(nodes, worker, duration, () -> { }, args);
    }

    /** As {@link #run(int, Class, Duration, String...)}, doing {@code meanwhile} (an outage) once they have started. */
    public Run run(int nodes, Class<?> worker, Duration duration, Interruptible meanwhile, String... args)
            throws InterruptedException {
        try (WorkerJvms workers = WorkerJvms.start(nodes, worker, args)) {
            emulator.reset(); // forgets the warm-up requests
            long start = System.nanoTime();
            workers.go();
            meanwhile.run();
            TimeUnit.NANOSECONDS.sleep(start + duration.toNanos() - System.nanoTime());
            long imagesInRun = emulator.stats().imagesGenerated();
            return new Run(imagesInRun, workers.results());
        }
    }

    /**
     * A run of {@code windows} windows that reads the emulator at each window's end, so 429s and images are counted
     * per window by the server, not by the nodes; {@code atWindowEnd} is told each window's number (1, 2, …) right
     * after its reading, to start or end an outage there.
     */
    public WindowedRun runByWindow(int nodes, Class<?> worker, int windows, IntConsumer atWindowEnd, String... args)
            throws InterruptedException {
        List<Long> rejected = new ArrayList<>();
        List<Long> generated = new ArrayList<>();
        Run run = run(nodes, worker, window.multipliedBy(windows), () -> {
            long start = System.nanoTime();
            for (int ended = 1; ended <= windows; ended++) {
                TimeUnit.NANOSECONDS.sleep(start + window.toNanos() * ended - System.nanoTime());
                rejected.add(emulator.stats().requestsWithStatus(429));
                generated.add(emulator.stats().imagesGenerated());
                atWindowEnd.accept(ended);
            }
        }, args);
        return new WindowedRun(run, perWindow(rejected), perWindow(generated));
    }

    private static List<Long> perWindow(List<Long> totals) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            counts.add(totals.get(i) - (i == 0 ? 0 : totals.get(i - 1)));
        }
        return counts;
    }

    /** Waits a window, so the last run's images have left the emulator's window, and resets the emulator. */
    public void quiesce() throws InterruptedException {
        Thread.sleep(window.toMillis() + 200);
        emulator.reset();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        quiesce();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** What a run does while the workers work; it may sleep. */
    @FunctionalInterface
    public interface Interruptible {
        void run() throws InterruptedException;
    }

    /**
     * A run read window by window.
     *
     * @param rejectedPerWindow the emulator's 429s in each window
     * @param imagesPerWindow   the images it generated in each window
     */
    public record WindowedRun(Run run, List<Long> rejectedPerWindow, List<Long> imagesPerWindow) {
    }

    /**
     * One run's outcome.
     *
     * @param imagesInRun images the emulator generated within the run's duration
     * @param workers     each worker's {@code RESULT}, in start order
     */
    public record Run(long imagesInRun, List<Map<String, Long>> workers) {

        /** A counter summed over the workers. */
        public long sum(String name) {
            return workers.stream().mapToLong(values -> values.get(name)).sum();
        }
    }
}
