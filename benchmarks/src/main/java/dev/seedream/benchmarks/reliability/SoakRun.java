/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.benchmarks.harness.EmulatorProcess;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamRateLimitException;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Soak: the client at the emulator's rate limit (500 images per minute on both sides, 1 s long-tail latency, 1K
 * images) for a set time, with more callers than the limit admits, so the client's limiter, its waiting queue and
 * the emulator's 429s are all exercised. Every 30 s it records heap after a full collection, live threads and
 * sockets to the emulator; it fails when the last third of the run grew over the first third.
 *
 * <pre>SoakRun [minutes]</pre>
 */

public final class SoakRun {

    private static final int IMAGES_PER_MINUTE = 500;
    private static final int CALLERS = 64;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    private static final int THREAD_SLACK = 4;

    private record Sample(long second, long heapAfterGc, int threads, int sockets, long succeeded, long failed) {
    }

    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<Sample> samples = new ArrayList<>();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentSkipListMap<>();
        try (EmulatorProcess emulator = EmulatorProcess.start(EmulatorProcess.defaultJar(), "--latency", "longtail:1s",
                "--images-per-minute", String.valueOf(IMAGES_PER_MINUTE));
             SeedreamClient client = SeedreamClient.builder().baseUrl(emulator.baseUri().toString())
                     .apiKey(EmulatorProcess.API_KEY).imagesPerMinute(IMAGES_PER_MINUTE).maxConcurrentRequests(32)
                     .build()) {
            Semaphore callers = new Semaphore(CALLERS);
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextSample = start;
            for (int i = 0; System.nanoTime() < end; i++) {
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample(emulator.port(), (System.nanoTime() - start) / 1_000_000_000L, succeeded,
                            failed));
                    System.out.println(format(samples.get(samples.size() - 1)));
                    nextSample += SAMPLE_EVERY.toNanos();
                }
                if (!callers.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                ImageRequest request = ImageRequest.builder().prompt("soak " + (i % 200)).size("1K")
                        .responseFormat(ResponseFormat.B64_JSON).build();
                client.generateAsync(request, ImageSinks.memory()).whenComplete((result, error) -> {
                    (error == null ? succeeded : failed).incrementAndGet();
                    if (error != null) {
                        failures.computeIfAbsent(kind(error), k -> new AtomicLong()).incrementAndGet();
                    }
                    callers.release();
                });
            }
            callers.tryAcquire(CALLERS, 5, TimeUnit.MINUTES);
            samples.add(sample(emulator.port(), (System.nanoTime() - start) / 1_000_000_000L, succeeded, failed));
            System.out.println(format(samples.get(samples.size() - 1)));
        }
        System.out.println("Failures by kind: " + failures);
        List<String> problems = verdict(samples);
        problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
        System.out.println(problems.isEmpty() ? "Soak passed" : "Soak failed");
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** The exception type, and for rate limits whether the client's own limiter refused (local) or a 429 did. */
    private static String kind(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof SeedreamRateLimitException limit) {
            return limit.isLocalLimit() ? "local limit wait exceeded" : "429 after retries";
        }
        return cause.getClass().getSimpleName();
    }

    private static Sample sample(int port, long second, AtomicLong succeeded, AtomicLong failed) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Sample(second, heap, ManagementFactory.getThreadMXBean().getThreadCount(),
                ConnectionCounter.established(port), succeeded.get(), failed.get());
    }

    /**
     * Compares the first and last thirds: heap after GC may not grow by more than 32 MB, threads by more than
     * {@link #THREAD_SLACK}, sockets not at all.
     */
    private static List<String> verdict(List<Sample> samples) {
        List<String> problems = new ArrayList<>();
        if (samples.size() < 6) {
            problems.add("too short to judge: " + samples.size() + " samples");
            return problems;
        }
        List<Sample> first = samples.subList(1, samples.size() / 3 + 1); // sample 0 is before any traffic
        List<Sample> last = samples.subList(samples.size() * 2 / 3, samples.size() - 1); // the last is after drain
        long heapGrowth = max(last, Sample::heapAfterGc) - max(first, Sample::heapAfterGc);
        if (heapGrowth > 32L * 1024 * 1024) {
            problems.add("heap after GC grew by " + heapGrowth / (1024 * 1024) + " MB");
        }
        // Pooled threads (decoders, timers) come and go by a few; a leak grows without bound.
        if (max(last, Sample::threads) > max(first, Sample::threads) + THREAD_SLACK) {
            problems.add("threads grew from " + max(first, Sample::threads) + " to " + max(last, Sample::threads));
        }
        if (max(last, Sample::sockets) > max(first, Sample::sockets)) {
            problems.add("sockets grew from " + max(first, Sample::sockets) + " to " + max(last, Sample::sockets));
        }
        Sample done = samples.get(samples.size() - 1);
        if (done.succeeded() == 0) {
            problems.add("nothing succeeded");
        }
        return problems;
    }

    private static long max(List<Sample> samples, ToLongFunction<Sample> value) {
        return samples.stream().mapToLong(value).max().orElse(0);
    }

    private static String format(Sample s) {
        return String.format(Locale.ROOT, "t=%4ds heapAfterGc=%6.1f MB threads=%3d sockets=%3d ok=%6d failed=%4d",
                s.second(), s.heapAfterGc() / 1048576.0, s.threads(), s.sockets(), s.succeeded(), s.failed());
    }
}
