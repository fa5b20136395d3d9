/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed loop that keeps exactly {@code concurrency} generations in flight: a permit is taken before each call
 * and given back when it completes. The loop runs without a break through a warm-up (JIT, connection pools, the
 * emulator's image cache) and the measured window, so the window sees the steady state: it counts the calls that
 * complete inside it and the resources used inside it, and the final drain of calls in flight is not measured.
 * Every path is driven by this one class, so they differ only in what {@link ImagePath#generate} does.
 */

public final class LoadDriver {

    private final Duration warmUp;
    private final Duration measured;

    public LoadDriver(Duration warmUp, Duration measured) {
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /**
     * Runs the path and measures it.
     *
     * @param baselineThreads ids of the threads alive before the path was created
     * @param prompts         the prompt of call number i; repeat prompts to keep the emulator rendering from cache
     */
    public Measurement run(ImagePath path, String scenario, int concurrency, Set<Long> baselineThreads,
                           IntFunction<String> prompts) throws InterruptedException {
        Counters warmUpCounters = new Counters();
        Counters window = new Counters();
        AtomicReference<Counters> current = new AtomicReference<>(warmUpCounters);
        Semaphore inFlight = new Semaphore(concurrency);
        long windowStart = System.nanoTime() + warmUp.toNanos();
        long windowEnd = windowStart + measured.toNanos();
        ResourceMeter meter = null;
        int sequence = 0;
        while (true) {
            long now = System.nanoTime();
            if (meter == null && now >= windowStart) {
                meter = ResourceMeter.start(baselineThreads);
                current.set(window);
            }
            if (now >= windowEnd) {
                break;
            }
            long nextBoundary = meter == null ? windowStart : windowEnd;
            if (inFlight.tryAcquire(Math.max(1, nextBoundary - now), TimeUnit.NANOSECONDS)) {
                path.generate(prompts.apply(sequence++)).whenComplete((bytes, error) -> {
                    current.get().record(bytes, error);
                    inFlight.release();
                });
            }
        }
        ResourceUsage usage = meter.stop();
        current.set(new Counters()); // completions after the window are not counted
        if (!inFlight.tryAcquire(concurrency, 5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(path.name() + ": calls still in flight 5 minutes after the window");
        }
        if (window.completed.get() == 0) {
            Throwable error = window.firstError.get() != null ? window.firstError.get() : warmUpCounters.firstError.get();
            throw new IllegalStateException(path.name() + " completed no call in the measured window", error);
        }
        return new Measurement(scenario, path.name(), concurrency, window.completed.get(), window.failed.get(),
                window.bytes.get(), usage);
    }

    private static final class Counters {
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicReference<Throwable> firstError = new AtomicReference<>();

        void record(Long imageBytes, Throwable error) {
            if (error == null) {
                completed.incrementAndGet();
                bytes.addAndGet(imageBytes);
            } else {
                failed.incrementAndGet();
                firstError.compareAndSet(null, error);
            }
        }
    }
}
