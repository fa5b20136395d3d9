package dev.seedream.emulator.junit;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;
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
 * {@code @RegisterExtension} field, or {@link #start()} and {@link #close()} it yourself (a benchmark).
 */
public final class BudgetCluster implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    private final int limit;
    private final Duration window;
    private SeedreamEmulator emulator;
    private RedisServer redis;

    private BudgetCluster(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    public static BudgetCluster of(int limit, Duration window) {
        return new BudgetCluster(limit, window);
    }

    /** Starts the emulator and Redis. */
    public BudgetCluster start() {
        emulator = SeedreamEmulator.start(EmulatorConfig.builder().imagesPerMinute(limit).rateWindow(window)
                .latency(Latency.fixed(Duration.ofMillis(20))).build());
        redis = RedisServer.start();
        return this;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** The emulator, once started. */
    public SeedreamEmulator emulator() {
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
        return run(nodes, worker, duration, () -> { }, args);
    }

    /** As {@link #run(int, Class, Duration, String...)}, doing {@code meanwhile} (an outage) once they have started. */
    public Run run(int nodes, Class<?> worker, Duration duration, Interruptible meanwhile, String... args)
            throws InterruptedException {
        try (WorkerJvms workers = WorkerJvms.start(nodes, worker, args)) {
            emulator.reset(); // forgets the warm-up requests
            long start = System.nanoTime();
            workers.go();
            meanwhile.run();
            TimeUnit.NANOSECONDS.sleep(start + duration.toNanos() - System.nanoTime());
            long imagesInRun = emulator.stats().imagesGenerated();
            return new Run(imagesInRun, workers.results());
        }
    }

    /** Waits a window, so the last run's images have left the emulator's window, and resets the emulator. */
    public void quiesce() throws InterruptedException {
        Thread.sleep(window.toMillis() + 200);
        emulator.reset();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        quiesce();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** What a run does while the workers work; it may sleep. */
    @FunctionalInterface
    public interface Interruptible {
        void run() throws InterruptedException;
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
