package dev.seedream.nifi;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.RedisServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two NiFi nodes as two JVMs (not threads), each a TestRunner of GenerateImageSeedream with twice the account's
 * limit queued, against the emulator enforcing that limit over a shortened window: sharing one Redis budget service
 * the provider never says 429 and the budget is nearly all used; with each connection service's own Images Per
 * Minute at the full limit (the control) it says 429, so this test can fail.
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
    void twoNiFiNodesOnOneRedisBudgetServiceNeverMeetA429AndUseTheBudget() throws Exception {
        Run run = run(2, String.valueOf(redis.port()), RUN);

        double used = (double) run.imagesInRun() / (LIMIT * WINDOWS);
        System.out.printf("NiFi, shared budget, 2 JVMs: %.1f %% used, provider 429s %d, workers %s%n", used * 100,
                emulator.stats().requestsWithStatus(429), run.workers());
        assertThat(run.sum("fallbacks")).as("Redis answered in time; workers %s", run.workers()).isZero();
        assertThat(emulator.stats().requestsWithStatus(429)).as("provider 429s; workers %s", run.workers()).isZero();
        assertThat(run.sum("failed")).isZero();
        assertThat(used).as("budget used: %d images of %d in %s", run.imagesInRun(), LIMIT * WINDOWS, RUN)
                .isGreaterThanOrEqualTo(0.95);
        assertThat(run.sum("offered")).as("offered: twice the limit per node").isEqualTo(2L * 2 * LIMIT * WINDOWS);
        assertThat(run.sum("budgetWaits")).as("the nodes waited for the shared window").isPositive();
        for (Map<String, Long> worker : run.workers()) {
            assertThat(worker.get("generated")).as("counter = images on success").isEqualTo(worker.get("success"));
            assertThat(worker.get("success") + worker.get("retry") + worker.get("queued"))
                    .as("every FlowFile once").isEqualTo(worker.get("offered"));
        }
    }

    @Test
    void theControlWithEachNodesFullLimitMeets429s() throws Exception {
        Run run = run(2, "local", WINDOW.multipliedBy(2));

        System.out.printf("NiFi, control, 2 JVMs: provider 429s %d, workers %s%n",
                emulator.stats().requestsWithStatus(429), run.workers());
        assertThat(emulator.stats().requestsWithStatus(429)).as("two nodes each at the full limit overshoot")
                .isPositive();
        assertThat(run.sum("rateLimited")).as("counted as rate limited by the nodes")
                .isGreaterThanOrEqualTo(emulator.stats().requestsWithStatus(429));
    }

    /**
     * Starts the workers, lets them warm up, clears the emulator's window, starts them together, and reads the
     * images the emulator generated within the run.
     */
    private Run run(int nodes, String budget, Duration duration) throws Exception {
        String key = "nifi-cluster-" + System.nanoTime();
        List<Process> workers = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                Process worker = new ProcessBuilder(javaBinary(), "-cp", testClassPath(), BudgetWorker.class.getName(),
                        emulator.baseUri().toString(), budget, key, String.valueOf(LIMIT),
                        String.valueOf(WINDOW.toMillis()), String.valueOf(duration.toMillis()))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                workers.add(worker);
                outputs.add(new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : outputs) {
                awaitLine(output, "WARM");
            }
            emulator.reset(); // forgets the warm-up requests
            long start = System.nanoTime();
            for (Process worker : workers) {
                worker.getOutputStream().write("GO\n".getBytes(StandardCharsets.UTF_8));
                worker.getOutputStream().flush();
            }
            TimeUnit.NANOSECONDS.sleep(start + duration.toNanos() - System.nanoTime());
            long imagesInRun = emulator.stats().imagesGenerated();
            List<Map<String, Long>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                results.add(result(workers.get(i), outputs.get(i)));
            }
            return new Run(imagesInRun, results);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    /** Skips what else the worker prints (NiFi's mock logs to stdout) up to the line. */
    private static void awaitLine(BufferedReader output, String expected) throws IOException {
        List<String> skipped = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.equals(expected)) {
                return;
            }
            skipped.add(line);
        }
        throw new AssertionError("the worker ended before " + expected + ": " + skipped);
    }

    private static Map<String, Long> result(Process worker, BufferedReader output) throws IOException,
            InterruptedException {
        List<String> lines = output.lines().toList();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).as("worker output: %s", lines).isZero();
        String line = lines.stream().filter(text -> text.startsWith("RESULT ")).findFirst().orElseThrow(() ->
                new AssertionError("no RESULT line in: " + lines));
        Map<String, Long> values = new HashMap<>();
        Arrays.stream(line.substring(7).split(" ")).map(pair -> pair.split("="))
                .forEach(pair -> values.put(pair[0], Long.parseLong(pair[1])));
        return values;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path here. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private record Run(long imagesInRun, List<Map<String, Long>> workers) {
        long sum(String name) {
            return workers.stream().mapToLong(values -> values.get(name)).sum();
        }
    }
}
