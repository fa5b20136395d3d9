/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The generation requests received and not yet taken, oldest first. Bounded, so a benchmark or soak run that never
 * takes any holds little: at most {@link #MAX_REQUESTS}, and at most {@link #MAX_BODY_BYTES} of their bodies
 * together; past either bound the oldest are dropped.
 */
final class RequestRecorder {

    static final int MAX_REQUESTS = 1_000;
    static final long MAX_BODY_BYTES = 64L << 20;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private long bodyBytes;

    synchronized void record(RecordedRequest request) {
        requests.addLast(request);
        bodyBytes += request.keptBytes();
        while (requests.size() > MAX_REQUESTS || bodyBytes > MAX_BODY_BYTES) {
            bodyBytes -= requests.removeFirst().keptBytes();
        }
        notifyAll();
    }

    /** The oldest request, waiting up to {@code nanos} for one; {@code null} if none came. */
    synchronized RecordedRequest take(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos; // wraps for "forever": only differences are compared
        while (requests.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        RecordedRequest oldest = requests.removeFirst();
        bodyBytes -= oldest.keptBytes();
        return oldest;
    }

    synchronized void clear() {
        requests.clear();
        bodyBytes = 0;
    }
}
