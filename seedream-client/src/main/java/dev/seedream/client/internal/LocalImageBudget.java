/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.ImageBudget;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The images-per-minute budget of one JVM: a sliding window, counted in images, first come first served, one for
 * all models. Public
 * only for {@link ImageBudget#slidingWindow}; the package is not exported.
 */
public final class LocalImageBudget implements ImageBudget {

    /** Callers that may wait at once before new ones are refused outright. */
    static final int MAX_WAITING = 10_000;

    private final PermitPool window;
    /** Non-null when this budget runs its own timer thread (built on its own, not by a client). */
    private final ScheduledExecutorService ownScheduler;
    private final AtomicLong grants = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong imagesGranted = new AtomicLong();
    private final AtomicLong imagesGivenBack = new AtomicLong();

    LocalImageBudget(PermitPool window, ScheduledExecutorService ownScheduler) {
        this.window = window;
        this.ownScheduler = ownScheduler;
    }

    /** A budget on a timer its owner stops (the client's, or a shared budget's); 0 images = unlimited. */
    public static LocalImageBudget onScheduler(int images, Duration window, ScheduledExecutorService scheduler) {
        return new LocalImageBudget(pool(images, window, scheduler), null);
    }

    /** A budget with its own timer thread, stopped by {@link #close()}; 0 images = unlimited. */
    public static LocalImageBudget standalone(int images, Duration window) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                ClientRuntime.daemonThreads("seedream-budget"));
        return new LocalImageBudget(pool(images, window, scheduler), scheduler);
    }

    private static PermitPool pool(int images, Duration window, ScheduledExecutorService scheduler) {
        String description = window.equals(Duration.ofMinutes(1)) ? "image quota (imagesPerMinute=" + images + ")"
                : "image quota (" + images + " images per " + window.toMillis() + " ms)";
        return PermitPool.slidingWindow(description, images, window, MAX_WAITING, scheduler, System::nanoTime);
    }

    @Override
    public CompletableFuture<Grant> acquire(String model, int images, Duration maxWait) {
        CompletableFuture<Void> granted = window.acquire(images, maxWait);
        if (!granted.isDone()) {
            waits.incrementAndGet();
        }
        return granted.thenApply(held -> {
            grants.incrementAndGet();
            imagesGranted.addAndGet(images);
            return unused -> {
                imagesGivenBack.addAndGet(unused);
                window.release(unused);
            };
        });
    }

    @Override
    public Metrics metrics() {
        return new Metrics(grants.get(), waits.get(), 0, 0, 0, false, imagesGranted.get(), imagesGivenBack.get());
    }

    @Override
    public int waiting() {
        return window.waiting();
    }

    @Override
    public void close() {
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }
}
