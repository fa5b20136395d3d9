package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.ResponseFormat;
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
 * One node of the cluster test, in a JVM of its own (a grant counts a tenth longer than the shortened window,
 * where a minute's default is a sixtieth: the first request of a JVM can arrive 100 ms after its grant, much of a
 * 3-second window's 50 ms margin, little of a minute's second): from a start time the test gives, it offers twice the
 * account's limit per window (open loop, evenly spaced) for a while, then prints one {@code RESULT} line.
 *
 * <p>It prints {@code WARM} once its classes are loaded. Arguments: base URL, API key, Redis URI or {@code local} (a per-JVM window at the full limit: the control),
 * budget key, limit, window ms, duration ms.
 */
public final class BudgetWorker {

    private BudgetWorker() {
    }

    /**
     * A first request in a new JVM takes hundreds of milliseconds (class loading), far more than the margin of a
     * shortened window: this node's classes are loaded before the run, by a client outside the budget (the test
     * clears the emulator's window afterwards).
     */
    private static void warmUp(String baseUrl, String apiKey, ImageRequest request) {
        try (SeedreamClient warmUp = SeedreamClient.builder().baseUrl(baseUrl).apiKey(apiKey).imagesPerMinute(0)
                .build()) {
            warmUp.generate(request, ImageSinks.discarding());
        }
        WorkerJvms.ready();
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        String redisUri = args[2];
        String budgetKey = args[3];
        int limit = Integer.parseInt(args[4]);
        Duration window = Duration.ofMillis(Long.parseLong(args[5]));
        Duration duration = Duration.ofMillis(Long.parseLong(args[6]));

        ImageBudget budget = "local".equals(redisUri) ? ImageBudget.slidingWindow(limit, window)
                : RedisImageBudget.builder().uri(redisUri).budgetKey(budgetKey).imagesPerMinute(limit).window(window)
                        .margin(window.dividedBy(10)).timeout(Duration.ofSeconds(2)).nodes(2).build();
        AtomicLong generated = new AtomicLong();
        AtomicLong provider429 = new AtomicLong();
        AtomicLong localLimit = new AtomicLong();
        AtomicLong otherFailures = new AtomicLong();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        try (budget;
             SeedreamClient client = SeedreamClient.builder().baseUrl(baseUrl).apiKey(apiKey).imageBudget(budget)
                     .maxConcurrentRequests(0).maxRetries(0).maxLimitWait(window).build()) {
            ImageRequest request = ImageRequest.builder().prompt("cluster node " + ProcessHandle.current().pid())
                    .size("1K").responseFormat(ResponseFormat.B64_JSON).build();
            warmUp(baseUrl, apiKey, request);
            long offers = 2L * limit * duration.toMillis() / window.toMillis();
            long intervalNanos = window.toNanos() / (2L * limit);
            WorkerJvms.awaitGo();
            long start = System.nanoTime();
            for (long i = 0; i < offers; i++) {
                long due = start + i * intervalNanos;
                long sleep = due - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                calls.add(client.generateAsync(request, ImageSinks.discarding()).whenComplete((result, failure) -> {
                    Throwable cause = SeedreamException.unwrap(failure);
                    if (failure == null) {
                        generated.addAndGet(result.images().size());
                    } else if (cause instanceof SeedreamRateLimitException limited && limited.isLocalLimit()) {
                        localLimit.incrementAndGet();
                    } else if (cause instanceof SeedreamRateLimitException) {
                        provider429.incrementAndGet();
                    } else {
                        otherFailures.incrementAndGet();
                        System.err.println("call failed: " + cause);
                    }
                }));
            }
            CompletableFuture.allOf(calls.stream().map(call -> call.exceptionally(failure -> null))
                    .toArray(CompletableFuture[]::new)).get(window.toMillis() * 4, TimeUnit.MILLISECONDS);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("offered", offers);
            result.put("generated", generated);
            result.put("provider429", provider429);
            result.put("localLimit", localLimit);
            result.put("otherFailures", otherFailures);
            result.put("redisCalls", budget instanceof RedisImageBudget shared ? shared.metrics().remoteCalls() : 0);
            WorkerJvms.result(result);
        }
    }
}
