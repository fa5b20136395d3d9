/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.junit.WorkerJvms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node of a shared-budget cluster, in a JVM of its own (the cluster test's, and the benchmark's): from a start
 * the coordinator gives, it offers a multiple of the account's limit per window (open loop, evenly spaced) for a
 * while, then prints one {@code RESULT} line: what it offered, how each call ended (every one exactly once), how
 * long its granted acquires took (p50, p99) and the longest acquire of all, the longest call, and what the budget
 * counted.
 *
 * <p>Arguments, {@code name=value}: {@code base} (emulator URL), {@code budget} (Redis URI, or {@code local} for a
 * per-JVM window at the full limit: the control), {@code key}, {@code limit}, {@code windowMs}, {@code durationMs};
 * optional {@code offer} (this node's offer per window as a multiple of the limit, default 2), {@code nodes}
 * (default 2), {@code timeoutMs} (the Redis timeout, default 2000), {@code retryPauseMs} (default 10000),
 * {@code fallback} ({@code LOCAL_SHARE} or {@code FAIL}), {@code maxWaitMs} (the client's max limit wait, default a
 * window), {@code retries} (the client's retries, default 0),
 * {@code marginMs} (default a tenth of the window: the first request of a JVM can arrive 100 ms after its grant,
 * much of a 3-second window's default margin of 50 ms, little of a minute's second).
 */
public final class BudgetWorker {

    private final Map<String, String> args;

    private BudgetWorker(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] args) throws Exception {
        new BudgetWorker(WorkerJvms.namedArgs(args)).run();
    }

    private void run() throws Exception {
        String baseUrl = args.get("base");
        int limit = number("limit", null).intValue();
        Duration window = Duration.ofMillis(number("windowMs", null));
        Duration duration = Duration.ofMillis(number("durationMs", null));
        double offer = Double.parseDouble(args.getOrDefault("offer", "2"));
        TimedBudget budget = new TimedBudget(budget(limit, window));
        Outcomes outcomes = new Outcomes();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        try (budget;
             SeedreamClient client = SeedreamClient.builder().baseUrl(baseUrl).apiKey("test-key").imageBudget(budget)
                     .maxConcurrentRequests(0).maxRetries(number("retries", 0L).intValue())
                     .maxLimitWait(Duration.ofMillis(number("maxWaitMs", window.toMillis()))).build()) {
            ImageRequest request = ImageRequest.builder().prompt("cluster node " + ProcessHandle.current().pid())
                    .size("1K").responseFormat(ResponseFormat.B64_JSON).build();
            warmUp(baseUrl, request, budget.budget);
            long offers = Math.round(offer * limit * duration.toMillis() / window.toMillis());
            long intervalNanos = Math.round(window.toNanos() / (offer * limit));
            WorkerJvms.awaitGo();
            long start = System.nanoTime();
            for (long i = 0; i < offers; i++) {
                long sleep = start + i * intervalNanos - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                long called = System.nanoTime();
                calls.add(client.generateAsync(request, ImageSinks.discarding()).whenComplete((result, failure) -> {
                    outcomes.longestCallMicros.accumulateAndGet(
                            TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - called), Math::max);
                    outcomes.count(result, failure);
                }));
            }
            CompletableFuture.allOf(calls.stream().map(call -> call.exceptionally(failure -> null))
                    .toArray(CompletableFuture[]::new)).get(window.toMillis() * 4 + 2 * number("maxWaitMs",
                    window.toMillis()), TimeUnit.MILLISECONDS);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("offered", offers);
            outcomes.report(result);
            budget.report(result, client.metrics().budget());
            WorkerJvms.result(result);
        }
    }

    private ImageBudget budget(int limit, Duration window) {
        String redisUri = args.get("budget");
        if ("local".equals(redisUri)) {
            return ImageBudget.slidingWindow(limit, window);
        }
        return RedisImageBudget.builder().uri(redisUri).budgetKey(args.get("key")).limit(limit, window)
                .margin(Duration.ofMillis(number("marginMs", window.toMillis() / 10)))
                .timeout(Duration.ofMillis(number("timeoutMs", 2000L)))
                .retryPause(Duration.ofMillis(number("retryPauseMs", 10_000L)))
                .nodes(number("nodes", 2L).intValue())
                .fallback(RedisImageBudget.Fallback.valueOf(args.getOrDefault("fallback", "LOCAL_SHARE"))).build();
    }

    /**
     * A first request in a new JVM takes hundreds of milliseconds (class loading), far more than the margin of a
     * shortened window: this node's classes are loaded before the run, by a client outside the budget (the
     * coordinator clears the emulator's window afterwards), and the budget's by a grant for a model of this JVM's
     * own (a window of its own, so the run's window stays empty), given back at once.
     */
    private static void warmUp(String baseUrl, ImageRequest request, ImageBudget budget) throws Exception {
        try (SeedreamClient warmUp = SeedreamClient.builder().baseUrl(baseUrl).apiKey("test-key").imagesPerMinute(0)
                .build()) {
            warmUp.generate(request, ImageSinks.discarding());
        }
        budget.acquire("warm-up-" + ProcessHandle.current().pid(), 1, Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS).giveBack(1);
        WorkerJvms.ready();
    }

    private Long number(String name, Long defaultValue) {
        String value = args.get(name);
        if (value == null && defaultValue == null) {
            throw new IllegalArgumentException("missing argument " + name + "=…");
        }
        return value == null ? defaultValue : Long.valueOf(value);
    }

    /** How each call ended, counted once per call. */
    private static final class Outcomes {
        final AtomicLong generated = new AtomicLong();
        final AtomicLong provider429 = new AtomicLong();
        final AtomicLong localLimit = new AtomicLong();
        final AtomicLong budgetUnavailable = new AtomicLong();
        final AtomicLong otherFailures = new AtomicLong();
        final AtomicLong ended = new AtomicLong();
        final AtomicLong longestCallMicros = new AtomicLong();

        void count(Object result, Throwable failure) {
            ended.incrementAndGet();
            Throwable cause = SeedreamException.unwrap(failure);
            if (failure == null) {
                generated.incrementAndGet();
            } else if (cause instanceof SeedreamRateLimitException limited && limited.isLocalLimit()) {
                localLimit.incrementAndGet();
            } else if (cause instanceof SeedreamRateLimitException) {
                provider429.incrementAndGet();
            } else if (cause instanceof SeedreamBudgetUnavailableException) {
                budgetUnavailable.incrementAndGet();
            } else {
                otherFailures.incrementAndGet();
                System.err.println("call failed: " + cause);
            }
        }

        void report(Map<String, Object> result) {
            result.put("ended", ended);
            result.put("generated", generated);
            result.put("provider429", provider429);
            result.put("localLimit", localLimit);
            result.put("budgetUnavailable", budgetUnavailable);
            result.put("otherFailures", otherFailures);
            result.put("callMaxMicros", longestCallMicros);
        }
    }

    /** The budget, timing each acquire from the call to its grant (percentiles) or refusal (the longest only). */
    private static final class TimedBudget implements ImageBudget {
        private final ImageBudget budget;
        private final List<Long> micros = new ArrayList<>();
        private final AtomicLong longestMicros = new AtomicLong();

        TimedBudget(ImageBudget budget) {
            this.budget = budget;
        }

        @Override
        public CompletableFuture<Grant> acquire(String model, int images, Duration maxWait) {
            long start = System.nanoTime();
            return budget.acquire(model, images, maxWait).whenComplete((grant, failure) -> {
                long took = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                longestMicros.accumulateAndGet(took, Math::max);
                if (failure == null) {
                    synchronized (micros) {
                        micros.add(took);
                    }
                }
            });
        }

        @Override
        public int waiting() {
            return budget.waiting();
        }

        @Override
        public Metrics metrics() {
            return budget.metrics();
        }

        @Override
        public void close() {
            budget.close();
        }

        void report(Map<String, Object> result, Metrics metrics) {
            List<Long> sorted;
            synchronized (micros) {
                sorted = micros.stream().sorted().toList();
            }
            result.put("acquireP50Micros", percentile(sorted, 0.50));
            result.put("acquireP99Micros", percentile(sorted, 0.99));
            result.put("acquireMaxMicros", longestMicros.get());
            result.put("grants", metrics.grants());
            result.put("redisCalls", metrics.remoteCalls());
            result.put("fallbackGrants", metrics.fallbackGrants());
            result.put("fallbacks", metrics.fallbacks());
            result.put("imagesGranted", metrics.imagesGranted());
            result.put("imagesGivenBack", metrics.imagesGivenBack());
        }

        private static long percentile(List<Long> sorted, double quantile) {
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1,
                    Math.ceil(quantile * sorted.size()) - 1));
        }
    }
}
