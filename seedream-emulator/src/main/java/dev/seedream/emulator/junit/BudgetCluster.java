package dev.seedream.emulator.junit;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fixture of a shared-budget cluster test: the emulator enforcing {@code limit} images per shortened window, a
 * Redis for the budget, and runs of worker JVMs ({@link WorkerJvms}) started together. Before each test it waits a
 * window, so the last run's images have left the emulator's window. Register it in a static
 * {@code @RegisterExtension} field.
 */
public final class BudgetCluster implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final int limit;
    private final Duration window;
    private final SeedreamEmulatorExtension emulator;
    private RedisServer redis;

    private BudgetCluster(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
        this.emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder().imagesPerMinute(limit)
                .rateWindow(window).latency(Latency.fixed(Duration.ofMillis(20))).build());
    }

    public static BudgetCluster of(int limit, Duration window) {
        return new BudgetCluster(limit, window);
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    public SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    public RedisServer redis() {
        return redis;
    }

    /**
     * Starts {@code nodes} JVMs of {@code worker} with {@code args}, lets them warm up, clears the emulator's window,
     * starts them together, and reads the images the emulator generated within {@code duration}.
     */
    public Run run(int nodes, Class<?> worker, Duration duration, String... args) throws InterruptedException {
        try (WorkerJvms workers = WorkerJvms.start(nodes, worker, args)) {
            emulator.reset(); // forgets the warm-up requests
            long start = System.nanoTime();
            workers.go();
            TimeUnit.NANOSECONDS.sleep(start + duration.toNanos() - System.nanoTime());
            long imagesInRun = emulator.stats().imagesGenerated();
            return new Run(imagesInRun, workers.results());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator.beforeAll(context);
        redis = RedisServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        Thread.sleep(window.toMillis() + 200);
        emulator.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        redis.close();
        emulator.afterAll(context);
    }

    /**
     * One run's outcome.
     *
     * @param imagesInRun images the emulator generated within the run's duration
     * @param workers     each worker's {@code RESULT}, in start order
     */
    public record Run(long imagesInRun, List<Map<String, Long>> workers) {

        /** A counter summed over the workers. */
        public long sum(String name) {
            return workers.stream().mapToLong(values -> values.get(name)).sum();
        }
    }
}
