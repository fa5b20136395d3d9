package dev.seedream.budget.redis;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.RedisServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.WorkerJvms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate JVMs (not threads), each offering twice the account's limit, against the emulator enforcing that limit
 * over a shortened window: on one Redis budget the provider never says 429 and the budget is nearly all used; with
 * a per-JVM window at the full limit (the control) it says 429, so this test can fail.
 */
class SharedBudgetClusterTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int WINDOWS = 4;
    private static final Duration RUN = WINDOW.multipliedBy(WINDOWS);

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .imagesPerMinute(LIMIT).rateWindow(WINDOW).latency(Latency.fixed(Duration.ofMillis(20))).build());

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void clearTheEmulatorsWindow() throws InterruptedException {
        Thread.sleep(WINDOW.toMillis() + 200);
        emulator.reset();
    }

    @Test
    void twoJvmsOnOneRedisBudgetNeverMeetA429AndUseTheBudget() throws Exception {
        Run run = run(2, redis.uri(), RUN);

        assertThat(run.sum("provider429")).as("provider 429s: %s, %d images in the run", run.workers(), run.imagesInRun()).isZero();
        assertThat(run.sum("otherFailures")).isZero();
        double used = (double) run.imagesInRun / (LIMIT * WINDOWS);
        System.out.printf("Shared budget, %d JVMs: %.1f %% used, workers %s%n", 2, used * 100, run.workers());
        assertThat(used).as("budget used: %d images of %d in %s", run.imagesInRun, LIMIT * WINDOWS, RUN)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(run.sum("offered")).as("offered: twice the limit per node").isEqualTo(2L * 2 * LIMIT * WINDOWS);
        assertThat(emulator.stats().requestsWithStatus(429)).isZero();
    }

    @Test
    void theControlWithAFullLimitPerJvmMeets429s() throws Exception {
        Run run = run(2, "local", RUN);

        assertThat(run.sum("provider429")).as("two JVMs each at the full limit overshoot").isPositive();
        assertThat(emulator.stats().requestsWithStatus(429)).isEqualTo(run.sum("provider429"));
    }

    /**
     * Starts the workers, lets them warm up, clears the emulator's window, starts them together, and reads the
     * images the emulator generated within the run.
     */
    private Run run(int nodes, String budget, Duration duration) throws InterruptedException {
        try (WorkerJvms workers = WorkerJvms.start(nodes, BudgetWorker.class, emulator.baseUri().toString(), "test-key",
                budget, "cluster-" + System.nanoTime(), String.valueOf(LIMIT), String.valueOf(WINDOW.toMillis()),
                String.valueOf(duration.toMillis()))) {
            emulator.reset(); // forgets the warm-up requests
            long start = System.nanoTime();
            workers.go();
            TimeUnit.NANOSECONDS.sleep(start + duration.toNanos() - System.nanoTime());
            long imagesInRun = emulator.stats().imagesGenerated();
            return new Run(imagesInRun, workers.results());
        }
    }

    private record Run(long imagesInRun, List<Map<String, Long>> workers) {
        long sum(String name) {
            return workers.stream().mapToLong(values -> values.get(name)).sum();
        }
    }
}
