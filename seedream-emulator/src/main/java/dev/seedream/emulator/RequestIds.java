package dev.seedream.emulator;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Unique request ids in Ark's shape (a timestamp and hex), sent as {@code X-Request-Id} (unverified header name). */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 20));

    private RequestIds() {
    }

    static String next() {
        return String.format("021%d%012x", System.currentTimeMillis(), SEQUENCE.incrementAndGet());
    }
}
