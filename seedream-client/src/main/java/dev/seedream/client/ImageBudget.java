/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.LocalImageBudget;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where a client's images-per-minute budget is kept. The default is the client's own sliding window
 * ({@link SeedreamClient.Builder#imagesPerMinute(int)}); a shared budget (the {@code seedream-budget-redis} module)
 * lets several JVMs draw on one account's limit. The requests-in-flight bound stays per client.
 *
 * <p>The client asks for an attempt's images just before sending it and hands back, through the grant, what the
 * attempt did not generate — exactly once. Implementations are thread-safe and asynchronous: {@code acquire}
 * never blocks its caller.
 */
public interface ImageBudget extends AutoCloseable {

    /**
     * Takes {@code images} for a request to {@code model} from the budget (an implementation may cap a request
     * larger than its whole limit, and may keep one budget for all models, as the local one does). The future
     * completes once they are granted, in the order callers asked within this JVM, or fails once {@code maxWait}
     * has passed — with a {@linkplain SeedreamRateLimitException#isLocalLimit() local}
     * {@link SeedreamRateLimitException}, or another {@link SeedreamException} when the budget cannot be reached; it
     * must not wait longer.
     *
     * @param model   the model or endpoint id of the request
     * @param images  how many images to take
     * @param maxWait the longest to wait for them
     * @return a future of the grant
     */
    CompletableFuture<Grant> acquire(String model, int images, Duration maxWait);

    /**
     * A budget of this JVM: at most {@code images} in any {@code window} (0 = unlimited), each grant counted a
     * sixtieth longer than the window, as the client's default does for a minute. Close it to stop its timer.
     *
     * @param images the most images in any window, 0 for unlimited
     * @param window the window's length, positive
     * @return a new budget with its own timer
     */
    static ImageBudget slidingWindow(int images, Duration window) {
        checkWindow(images, window);
        return LocalImageBudget.standalone(images, window);
    }

    /**
     * The same window on a timer of the caller's, which {@link #close()} leaves running: for a budget that keeps a
     * local window beside its own (a shared budget's fallback) without a second timer thread.
     *
     * @param images the most images in any window, 0 for unlimited
     * @param window the window's length, positive
     * @param timer  the caller's timer the window runs on
     * @return a new budget on that timer
     */
    static ImageBudget slidingWindow(int images, Duration window, ScheduledExecutorService timer) {
        checkWindow(images, window);
        return LocalImageBudget.onScheduler(images, window, Objects.requireNonNull(timer, "timer"));
    }

    private static void checkWindow(int images, Duration window) {
        if (images < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need images >= 0 and a positive window, got " + images + " per "
                    + window);
        }
    }

    /**
     * Callers of this JVM waiting for images now.
     *
     * @return the number of waiting callers
     */
    int waiting();

    /**
     * This budget's counters since it was built, which {@link SeedreamClient#metrics()} reports with the client's
     * own; a budget that keeps none reports {@link Metrics#NONE}.
     *
     * @return the budget's counters
     */
    default Metrics metrics() {
        return Metrics.NONE;
    }

    /** Releases what the budget holds (connections, timers); a client does not close a budget it was given. */
    @Override
    default void close() {
    }

    /**
     * Counters of a budget since it was built. A budget shared by several clients of a JVM reports the same numbers
     * to each of them.
     *
     * @param grants         grants made by the budget's window (a shared budget's store, or the local window)
     * @param waits          callers that found the window full and waited (whether or not they got images later)
     * @param remoteCalls    calls a shared budget made to its store (0 for a local window)
     * @param fallbackGrants grants a shared budget made from its local fallback while its store was unreachable
     * @param fallbacks      times a shared budget went to its fallback (once per retry pause while its store stays
     *                       unreachable)
     * @param fallbackActive  whether a shared budget is in fallback now
     * @param imagesGranted   images of all grants, its store's and its fallback's
     * @param imagesGivenBack images of those handed back unused (an attempt that generated fewer, or was refused
     *                        without its minute being full): {@code imagesGranted - imagesGivenBack} were used, or
     *                        stay counted after a provider 429 that said its minute was full
     */
    record Metrics(long grants, long waits, long remoteCalls, long fallbackGrants, long fallbacks,
                   boolean fallbackActive, long imagesGranted, long imagesGivenBack) {

        /** What a budget that keeps no counters reports. */
        public static final Metrics NONE = new Metrics(0, 0, 0, 0, 0, false, 0, 0);
    }

    /** Images granted to one attempt. */
    interface Grant {

        /**
         * Returns {@code images} the attempt did not generate, so others may use them within this minute.
         *
         * @param images how many of the granted images to give back
         */
        void giveBack(int images);
    }
}
