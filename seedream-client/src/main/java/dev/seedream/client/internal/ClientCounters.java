/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.ClientMetrics;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamException;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link ClientMetrics}. */
final class ClientCounters {

    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong requestsSent = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, LongAdder> failuresByCode = new ConcurrentHashMap<>();
    final AtomicLong imagesGenerated = new AtomicLong();

    /** A call ended in {@code failure}: counted in all, and under its provider code or its type. */
    void failed(Throwable failure) {
        failures.incrementAndGet();
        String code = failure instanceof SeedreamException known && known.errorCode() != null ? known.errorCode()
                : failure.getClass().getSimpleName();
        failuresByCode.computeIfAbsent(code, unused -> new LongAdder()).increment();
    }

    ClientMetrics snapshot(int waiting, ImageBudget.Metrics budget) {
        Map<String, Long> byCode = new TreeMap<>();
        failuresByCode.forEach((code, count) -> byCode.put(code, count.sum()));
        return new ClientMetrics(inFlight.get(), waiting, requestsSent.get(), retries.get(), rateLimited.get(),
                failures.get(), byCode, imagesGenerated.get(), budget);
    }
}
