/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.emulator.junit.WorkerJvms;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One NiFi node of {@link SharedBudgetClusterTest}, in a JVM of its own: a TestRunner of GenerateImageSeedream whose
 * connection service uses the Redis budget service (or, for the control, its own Images Per Minute at the account's
 * full limit), with twice the account's limit for the run queued as FlowFiles. It prints {@code WARM} once its
 * classes are loaded and its budget connected, runs from {@code GO} on stdin for the run's duration with two
 * threads, then prints one {@code RESULT} line of its counters.
 *
 * <p>Arguments: base URL, Redis port or {@code local}, budget key, limit, window ms, duration ms.
 */
public final class BudgetWorker {

    private static final int THREADS = 2;
    private static final int FLOWFILES_PER_RUN = 5;

    private BudgetWorker() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        boolean shared = !"local".equals(args[1]);
        int limit = Integer.parseInt(args[3]);
        Duration window = Duration.ofMillis(Long.parseLong(args[4]));
        Duration duration = Duration.ofMillis(Long.parseLong(args[5]));

        warmUp(baseUrl);
        TestRunner runner = TestRunners.newTestRunner(new GenerateImageSeedream());
        Map<PropertyDescriptor, String> connection = new HashMap<>(Map.of(
                StandardSeedreamConnectionService.MAX_CONCURRENT_REQUESTS, "0",
                StandardSeedreamConnectionService.RATE_LIMIT_WAIT_TIMEOUT, window.multipliedBy(2).toMillis() + " ms"));
        RedisSeedreamImageBudgetService budget = null;
        if (shared) {
            budget = BudgetFlows.addBudget(runner,
                    new BudgetFlows.ShortWindowBudgetService(window, window.dividedBy(10), 2), Integer.parseInt(args[1]), Map.of(
                            RedisSeedreamImageBudgetService.BUDGET_KEY, args[2],
                            // two JVMs starting on two cores: not an outage, so not a fallback
                            RedisSeedreamImageBudgetService.COMMUNICATION_TIMEOUT, "2 secs",
                            RedisSeedreamImageBudgetService.IMAGES_PER_MINUTE, String.valueOf(limit)));
        } else {
            connection.put(StandardSeedreamConnectionService.IMAGES_PER_MINUTE, String.valueOf(limit));
        }
        BudgetFlows.addConnection(runner, baseUrl, connection);
        runner.setProperty(GenerateImageSeedream.PROMPT, "cluster node " + ProcessHandle.current().pid());
        runner.setProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN, String.valueOf(FLOWFILES_PER_RUN));
        runner.setProperty(AbstractSeedreamProcessor.RUN_TIMEOUT, "1 min");
        runner.setThreadCount(THREADS);
        long offered = 2L * limit * duration.toMillis() / window.toMillis();
        for (long i = 0; i < offered; i++) {
            runner.enqueue("");
        }
        WorkerJvms.ready();
        WorkerJvms.awaitGo();
        run(runner, duration);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("offered", offered);
        result.put("generated", BudgetFlows.counter(runner, SeedreamCounters.IMAGES_GENERATED));
        result.put("rateLimited", BudgetFlows.counter(runner, SeedreamCounters.CALLS_RATE_LIMITED));
        result.put("failed", BudgetFlows.counter(runner, SeedreamCounters.CALLS_FAILED));
        result.put("budgetWaits", BudgetFlows.counter(runner, SeedreamCounters.BUDGET_WAITS));
        result.put("success", runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.SUCCESS).size());
        result.put("retry", runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.RETRY).size());
        result.put("queued", runner.getQueueSize().getObjectCount());
        result.put("fallbacks", budget == null ? 0 : budget.getImageBudget().metrics().fallbacks());
        WorkerJvms.result(result);
        System.exit(0); // the services' non-daemon threads would keep the JVM alive
    }

    /** Runs {@link #THREADS} triggers at a time until the duration is over; the last ones finish their calls. */
    private static void run(TestRunner runner, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        boolean first = true;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            runner.run(THREADS, false, first, Duration.ofMinutes(1).toMillis());
            first = false;
            if (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(5)) {
                Thread.sleep(10); // the processor yielded (Retry-After): do not spin
            }
        }
    }

    /** Loads the processor's and client's classes with a request outside the run (the test resets the emulator). */
    private static void warmUp(String baseUrl) {
        TestRunner warm = TestRunners.newTestRunner(new GenerateImageSeedream());
        StandardSeedreamConnectionService service = BudgetFlows.addConnection(warm, baseUrl,
                Map.of(StandardSeedreamConnectionService.IMAGES_PER_MINUTE, "0"));
        warm.setProperty(GenerateImageSeedream.PROMPT, "warm-up");
        warm.enqueue("");
        warm.run();
        warm.disableControllerService(service);
    }
}
