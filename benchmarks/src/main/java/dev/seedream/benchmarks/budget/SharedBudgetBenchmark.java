/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.budget;

import dev.seedream.budget.redis.BudgetWorker;
import dev.seedream.emulator.Durations;
import dev.seedream.emulator.junit.BudgetCluster;
import dev.seedream.emulator.junit.WorkerJvms;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared images-per-minute budget on Redis, measured: worker JVMs ({@link BudgetWorker}) against the emulator
 * enforcing the account's limit over a window, all in one run so the rows compare.
 *
 * <ul>
 *   <li>{@code saturation}: 1, 2 and 4 JVMs, each offering twice the limit, on one Redis budget — budget used,
 *       provider 429s, acquire time (mostly waiting for the window), Redis calls per image;</li>
 *   <li>{@code control}: 2 and 4 JVMs each with its own window at the full limit — the 429s the budget avoids;</li>
 *   <li>{@code latency}: half the limit offered in all, so nobody waits — the acquire time on Redis against the
 *       local window is the latency the shared budget adds;</li>
 *   <li>{@code outage}: 2 JVMs at the limit; Redis stopped (SIGSTOP), or killed and restarted empty, during the
 *       second window and back for the third;</li>
 *   <li>{@code return}: 2 JVMs each offering twice the limit with the client's retries, Redis stopped or killed for
 *       the second window: the emulator's 429s and images read at every window's end, before, during and after the
 *       outage, and the longest call.</li>
 * </ul>
 *
 * <pre>
 * SharedBudgetBenchmark [window=3s] [windows=4] [limit=20] [latencyLimit=600] [nodes=1,2,4]
 *                       [scenarios=saturation,control,latency,outage,return]
 * </pre>
 * Writes {@code target/shared-budget-results.md}.
 */
public final class SharedBudgetBenchmark {

    private final Duration window;
    private final int windows;
    private final int limit;
    /** The limit of the latency runs: high, so that half of it gives enough samples for a p99. */
    private final int latencyLimit;
    private final List<Integer> nodeCounts;
    private final Duration margin;
    private final StringBuilder report = new StringBuilder();

    private SharedBudgetBenchmark(Map<String, String> args) {
        this.window = Durations.parse(args.getOrDefault("window", "3s"));
        this.windows = Integer.parseInt(args.getOrDefault("windows", "4"));
        this.limit = Integer.parseInt(args.getOrDefault("limit", "20"));
        this.latencyLimit = Integer.parseInt(args.getOrDefault("latencyLimit", "600"));
        this.nodeCounts = Arrays.stream(args.getOrDefault("nodes", "1,2,4").split(",")).map(Integer::valueOf).toList();
        // A minute's default margin is a sixtieth (1 s); a window of seconds needs relatively more (see BudgetWorker).
        Duration sixtieth = window.dividedBy(60);
        this.margin = sixtieth.compareTo(Duration.ofMillis(300)) > 0 ? sixtieth : Duration.ofMillis(300);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> named = WorkerJvms.namedArgs(args);
        List<String> scenarios = List.of(named.getOrDefault("scenarios", "saturation,control,latency,outage,return")
                .split(","));
        SharedBudgetBenchmark benchmark = new SharedBudgetBenchmark(named);
        String text = benchmark.run(scenarios);
        System.out.println(text);
        Path out = Path.of("target", "shared-budget-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.err.println("Report written to " + out.toAbsolutePath());
    }

    private String run(List<String> scenarios) throws Exception {
        var os = ManagementFactory.getOperatingSystemMXBean();
        report.append(String.format(Locale.ROOT, "# Shared budget run%n%n- emulator: %d images per %s, 20 ms per "
                        + "request; %d windows per run; grant margin %d ms%n"
                        + "- CPUs: %d, load average at start: %.2f%n%n",
                limit, window, windows, margin.toMillis(), os.getAvailableProcessors(), os.getSystemLoadAverage()));
        try (BudgetCluster cluster = BudgetCluster.of(limit, window).start()) {
            if (scenarios.contains("saturation") || scenarios.contains("control")) {
                saturation(cluster, scenarios);
            }
            if (scenarios.contains("outage")) {
                outage(cluster);
            }
            if (scenarios.contains("return")) {
                outageAndReturn(cluster);
            }
        }
        if (scenarios.contains("latency")) {
            try (BudgetCluster roomy = BudgetCluster.of(latencyLimit, window).start()) {
                latency(roomy);
            }
        }
        report.append(String.format(Locale.ROOT, "Load average after the run: %.2f%n", os.getSystemLoadAverage()));
        return report.toString();
    }

    private void saturation(BudgetCluster cluster, List<String> scenarios) throws InterruptedException {
        report.append("## Saturation: each JVM offers twice the account's limit\n\n")
                .append("| JVMs | budget | offered | images in the run | budget used | provider 429s "
                        + "| granted acquire p50 | granted acquire p99 | Redis calls per image |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int nodes : nodeCounts) {
            if (scenarios.contains("saturation")) {
                saturationRow(cluster, nodes, cluster.redis().uri());
            }
            if (scenarios.contains("control") && nodes > 1) {
                saturationRow(cluster, nodes, "local");
            }
        }
        report.append('\n');
    }

    private void saturationRow(BudgetCluster cluster, int nodes, String budget) throws InterruptedException {
        BudgetCluster.Run run = run(cluster, nodes, budget, 2.0, () -> { });
        long budgetImages = (long) limit * windows;
        report.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.1f %% | %d | %s | %s | %s |%n", nodes,
                label(budget), run.sum("offered"), run.imagesInRun(), 100.0 * run.imagesInRun() / budgetImages,
                cluster.emulator().stats().requestsWithStatus(429), millis(max(run, "acquireP50Micros")),
                millis(max(run, "acquireP99Micros")), perImage(run)));
    }

    private void latency(BudgetCluster cluster) throws InterruptedException {
        report.append(String.format(Locale.ROOT, "## Added latency: half the limit offered in all, nobody waits%n%n"
                + "The emulator at %d images per %s for these runs, so that there are samples enough.%n%n",
                cluster.limit(), window))
                .append("| JVMs | budget | calls | acquire p50 | acquire p99 | provider 429s |\n"
                        + "|---|---|---:|---:|---:|---:|\n");
        for (int nodes : nodeCounts) {
            for (String budget : List.of("local", cluster.redis().uri())) {
                BudgetCluster.Run run = run(cluster, nodes, budget, 0.5 / nodes, () -> { });
                report.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %d |%n", nodes,
                        label(budget), run.sum("ended"), millis(max(run, "acquireP50Micros")),
                        millis(max(run, "acquireP99Micros")), cluster.emulator().stats().requestsWithStatus(429)));
            }
        }
        report.append("\np50 and p99 are the highest of the JVMs' own percentiles, from the call of acquire to the "
                + "grant.\n\n");
    }

    private void outage(BudgetCluster cluster) throws InterruptedException {
        report.append("## Outage: 2 JVMs at the limit, Redis away during the second window\n\n")
                .append("| Redis | fallback | offered | ended | generated | refused locally | budget unavailable "
                        + "| provider 429s | fallback switches | local-share grants | longest acquire "
                        + "| images in the run |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        outageRow(cluster, "SIGSTOP, SIGCONT", "LOCAL_SHARE", () -> {
            cluster.redis().pause();
            Thread.sleep(window.toMillis());
            cluster.redis().resume();
        });
        BudgetCluster.Interruptible killAndRestart = () -> {
            cluster.redis().kill();
            Thread.sleep(window.toMillis());
            cluster.redis().restart();
        };
        outageRow(cluster, "SIGKILL, restarted empty", "LOCAL_SHARE", killAndRestart);
        outageRow(cluster, "SIGKILL, restarted empty", "FAIL", killAndRestart);
        report.append(String.format(Locale.ROOT, "%nRedis timeout 500 ms, retry pause %d ms, max limit wait %d ms.%n%n",
                window.dividedBy(3).toMillis(), maxWait().toMillis()));
    }

    private void outageRow(BudgetCluster cluster, String what, String fallback, BudgetCluster.Interruptible outage)
            throws InterruptedException {
        BudgetCluster.Run run = run(cluster, 2, cluster.redis().uri(), 0.5, () -> {
            Thread.sleep(window.toMillis());
            outage.run();
        }, "timeoutMs=500", "retryPauseMs=" + window.dividedBy(3).toMillis(), "fallback=" + fallback);
        report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %s | %d |%n",
                what, fallback, run.sum("offered"), run.sum("ended"), run.sum("generated"), run.sum("localLimit"),
                run.sum("budgetUnavailable"), cluster.emulator().stats().requestsWithStatus(429), run.sum("fallbacks"),
                run.sum("fallbackGrants"), millis(max(run, "acquireMaxMicros")), run.imagesInRun()));
    }

    private void outageAndReturn(BudgetCluster cluster) throws InterruptedException {
        report.append("## Outage and return: 2 JVMs each offering twice the limit, Redis away for the second window\n\n");
        if (windows < 3) {
            report.append("Left out: it needs 3 windows or more (a window before the outage and one after it).\n\n");
            return;
        }
        report.append("The emulator read at every window's end. Client retries 3, max limit wait 2 windows, Redis "
                        + "timeout 500 ms, retry pause 5/3 of a window.\n\n")
                .append("| Redis | provider 429s per window | images per window | images in the run | budget used "
                        + "| local-share grants | longest call |\n|---|---|---|---:|---:|---:|---:|\n");
        returnRow(cluster, "SIGSTOP, SIGCONT", () -> cluster.redis().pause(), () -> cluster.redis().resume());
        returnRow(cluster, "SIGKILL, restarted empty", () -> cluster.redis().kill(), () -> cluster.redis().restart());
        report.append('\n');
    }

    private void returnRow(BudgetCluster cluster, String what, Runnable away, Runnable back)
            throws InterruptedException {
        cluster.quiesce();
        Duration maxWait = window.multipliedBy(2);
        BudgetCluster.WindowedRun windowed = cluster.runByWindow(2, BudgetWorker.class, windows, ended -> {
            if (ended == 1) {
                away.run();
            } else if (ended == 2) {
                back.run();
            }
        }, workerArgs(cluster, 2, cluster.redis().uri(), 2.0, maxWait, "timeoutMs=500",
                "retryPauseMs=" + window.multipliedBy(5).dividedBy(3).toMillis(), "retries=3"));
        BudgetCluster.Run run = windowed.run();
        System.err.println("return, " + what + ": " + windowed);
        long budgetImages = (long) limit * windows;
        report.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f %% | %d | %s |%n", what,
                windowed.rejectedPerWindow(), windowed.imagesPerWindow(), run.imagesInRun(),
                100.0 * run.imagesInRun() / budgetImages, run.sum("fallbackGrants"), millis(max(run, "callMaxMicros"))));
    }

    private BudgetCluster.Run run(BudgetCluster cluster, int nodes, String budget, double offer,
                                  BudgetCluster.Interruptible meanwhile, String... extra) throws InterruptedException {
        cluster.quiesce();
        BudgetCluster.Run run = cluster.run(nodes, BudgetWorker.class, window.multipliedBy(windows), meanwhile,
                workerArgs(cluster, nodes, budget, offer, maxWait(), extra));
        System.err.println(label(budget) + " × " + nodes + ": " + run.workers());
        return run;
    }

    /** A worker's arguments for a run of {@code windows} windows on its own key, then {@code extra}. */
    private String[] workerArgs(BudgetCluster cluster, int nodes, String budget, double offer, Duration maxWait,
                                String... extra) {
        List<String> args = new ArrayList<>(List.of("base=" + cluster.emulator().baseUri(), "budget=" + budget,
                "key=bench-" + System.nanoTime(), "limit=" + cluster.limit(), "windowMs=" + window.toMillis(),
                "durationMs=" + window.multipliedBy(windows).toMillis(), "offer=" + offer, "nodes=" + nodes,
                "marginMs=" + margin.toMillis(), "maxWaitMs=" + maxWait.toMillis()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The client's max limit wait: a window, at most 10 s (a minute's would only lengthen the run's end). */
    private Duration maxWait() {
        return window.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : window;
    }

    private static String label(String budget) {
        return "local".equals(budget) ? "own window each (control)" : "one Redis budget";
    }

    private static long max(BudgetCluster.Run run, String name) {
        return run.workers().stream().mapToLong(values -> values.get(name)).max().orElse(0);
    }

    private static String perImage(BudgetCluster.Run run) {
        long generated = run.sum("generated");
        return run.sum("redisCalls") == 0 || generated == 0 ? "—"
                : String.format(Locale.ROOT, "%.1f", (double) run.sum("redisCalls") / generated);
    }

    private static String millis(long micros) {
        return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%d ms", micros / 1000);
    }
}
