/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Admission control as the provider does it: a sliding one-minute window of images (IPM; the window is
 * {@link EmulatorConfig#rateWindow()}) and a cap on requests in progress. Images count when a request is admitted, whatever happens to it afterwards.
 */
final class RateLimiter {

    private record Admission(long atNanos, int images) {
    }

    private final Deque<Admission> window = new ArrayDeque<>();
    private int imagesInWindow;
    private int inFlight;

    /**
     * Admits a request for {@code images} images or throws the provider's 429, with {@code Retry-After} only when
     * {@link EmulatorConfig#retryAfterOn429()} is on. Limits of 0 mean unlimited. A request for more images than the
     * whole per-minute limit is only admitted into an empty window.
     */
    synchronized void admit(int images, EmulatorConfig config) {
        int maxInFlight = config.maxInFlight();
        int imagesPerMinute = config.imagesPerMinute();
        boolean retryAfter = config.retryAfterOn429();
        if (maxInFlight > 0 && inFlight >= maxInFlight) {
            throw ApiError.tooManyRequests("InflightBatchsizeExceeded", "Too many requests in progress ("
                    + maxInFlight + " allowed). Please retry later.", retryAfter ? 1 : ApiError.NO_RETRY_AFTER);
        }
        long now = System.nanoTime();
        long windowNanos = config.rateWindow().toNanos();
        expire(now, windowNanos);
        if (imagesPerMinute > 0 && imagesInWindow > 0 && imagesInWindow + images > imagesPerMinute) {
            throw ApiError.tooManyRequests("ModelAccountIpmRateLimitExceeded", "The images-per-minute limit ("
                    + imagesPerMinute + ") of this model has been exceeded. Please retry later.",
                    retryAfter ? retryAfterSeconds(now, windowNanos, images, imagesPerMinute) : ApiError.NO_RETRY_AFTER);
        }
        window.add(new Admission(now, images));
        imagesInWindow += images;
        inFlight++;
    }

    /** Ends one admitted request. */
    synchronized void release() {
        inFlight--;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    /** Forgets the window; requests still in progress stay counted until they end. */
    synchronized void reset() {
        window.clear();
        imagesInWindow = 0;
    }

    private void expire(long now, long windowNanos) {
        while (!window.isEmpty() && now - window.peek().atNanos() >= windowNanos) {
            imagesInWindow -= window.poll().images();
        }
    }

    /** Seconds until enough of the window has expired for {@code images} more (at least 1). */
    private int retryAfterSeconds(long now, long windowNanos, int images, int limit) {
        int freed = 0;
        for (Admission a : window) {
            freed += a.images();
            if (imagesInWindow - freed + images <= limit || freed == imagesInWindow) {
                long waitNanos = a.atNanos() + windowNanos - now;
                return (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
            }
        }
        return 1;
    }
}
