/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.junit.RedisCluster;
import dev.seedream.emulator.junit.RedisServer;
import dev.seedream.emulator.junit.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The budget in cluster mode against a real Redis Cluster of three masters on loopback: budgets seeded at different
 * nodes share one window, keys of several budgets and models land on the masters their slots name, and a killed
 * master sends the budgets of its slots to their local share until it is back.
 *
 */
class RedisClusterBudgetTest {

    private static final String MODEL = "seedream-4-0-250828";
    /** Nothing leaves it during a test: whatever is refused is refused by the limit, not by timing. */
    private static final Duration LONG_WINDOW = Duration.ofSeconds(30);
    private static final String BUDGET_KEYS = "seedream:budget:*";
    /** The outage test's Redis timeout: ten times what a new client's first call takes in a warm JVM. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Longer than the outage test's assertions of the fallback take. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(4);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /**
     * Loads Lettuce's cluster classes with a budget that may take its time: a cold JVM's first cluster connection
     * (the topology of every node, then the slot's master) takes longer than a 2-s timeout on a busy machine.
     */
    @BeforeAll
    static void warmUpTheJvm() throws Exception {
        try (RedisCluster single = RedisCluster.start(1);
             RedisImageBudget budget = budget(single.master(0), "warm-up", 1, LONG_WINDOW)
                     .timeout(Duration.ofSeconds(10)).build()) {
            budget.acquire(MODEL, 1, Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
            assertThat(budget.metrics().grants()).as("the warm-up granted by Redis").isEqualTo(1);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }

    /**
     * Each test's own cluster, as one kills a master. Full coverage off: the other masters go on serving their slots
     * while one is down (with the default, the whole cluster refuses once it has noticed).
     */
    private final RedisCluster cluster = open(RedisCluster.start(3, "--cluster-require-full-coverage", "no"));

    private <T extends AutoCloseable> T open(T resource) {
        opened.addFirst(resource); // closed in reverse order
        return resource;
    }

    /** A budget in cluster mode that knows only {@code seed}; a 2-s timeout, as no fallback is wanted. */
    private static RedisImageBudget.Builder budget(RedisServer seed, String budgetKey, int limit, Duration window) {
        return RedisImageBudget.builder().cluster(true).uri(seed.uri()).budgetKey(budgetKey).limit(limit, window)
                .timeout(Duration.ofSeconds(2));
    }

    /** The budget's key on Redis, as the class documents it: hash-tagged, so one slot per budget key and model. */
    private static String redisKey(String budgetKey, String model) {
        return "seedream:budget:{" + budgetKey + ":" + model + "}";
    }

    /** A new budget key whose window for {@code model} lives on master {@code master}. */
    private String budgetKeyOn(int master, String model) {
        String prefix = "test-" + System.nanoTime() + "-";
        for (int n = 0; ; n++) {
            if (cluster.masterIndexOf(redisKey(prefix + n, model)) == master) {
                return prefix + n;
            }
        }
    }

    private static ImageBudget.Grant take(ImageBudget budget, int images, Duration maxWait) throws Exception {
        return budget.acquire(MODEL, images, maxWait).get(20, TimeUnit.SECONDS);
    }

    /**
     * Waits until the window on {@code master} counts {@code images}: the members of the budget's sorted set are
     * {@code <grant id>:<images>} (acquire.lua); 10 s is a bound.
     */
    private static void awaitImagesInWindow(RedisServer master, String redisKey, int images)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long counted;
        while ((counted = imagesInWindow(master, redisKey)) != images) {
            assertThat(System.nanoTime() - deadline).as("%d images in the window, not %d", counted, images)
                    .isNegative();
            Thread.sleep(10);
        }
    }

    private static long imagesInWindow(RedisServer master, String redisKey) {
        List<?> members = (List<?>) RespClient.call(master.port(), "ZRANGE", redisKey, "0", "-1");
        return members.stream().mapToLong(member -> Long.parseLong(((String) member).replaceAll(".*:", ""))).sum();
    }

    /** The window is used up: a caller waits its 200 ms and is refused by the limit. */
    private static void assertRefused(ImageBudget budget, String model) {
        assertThatThrownBy(() -> budget.acquire(model, 1, Duration.ofMillis(200)).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(SeedreamRateLimitException.class,
                        e -> assertThat(e.isLocalLimit()).isTrue());
    }

    @Test
    void twoBudgetsSeededAtDifferentNodesShareOneWindowAndImagesGivenBack() throws Exception {
        String key = budgetKeyOn(1, MODEL);
        RedisImageBudget first = open(budget(cluster.master(0), key, 4, LONG_WINDOW).build());
        RedisImageBudget second = open(budget(cluster.master(1), key, 4, LONG_WINDOW).build());

        ImageBudget.Grant three = take(first, 3, Duration.ofSeconds(5));
        take(second, 1, Duration.ofSeconds(5));
        assertRefused(second, MODEL);
        assertRefused(first, MODEL);

        three.giveBack(2); // a group of three made one image
        // Sent once they are back: a call that asked before they landed would find them only at its next poll, a
        // sixtieth of the window later. Nothing leaves the 30-s window during the test: only they can serve the call.
        awaitImagesInWindow(cluster.master(1), redisKey(key, MODEL), 2);
        take(second, 2, Duration.ofSeconds(5));
        assertRefused(first, MODEL);

        assertThat(first.metrics()).extracting(ImageBudget.Metrics::grants,
                ImageBudget.Metrics::fallbackGrants, ImageBudget.Metrics::fallbackActive)
                .containsExactly(1L, 0L, false);
        assertThat(second.metrics()).extracting(ImageBudget.Metrics::grants,
                ImageBudget.Metrics::fallbackGrants, ImageBudget.Metrics::fallbackActive)
                .containsExactly(2L, 0L, false);
        assertThat(RedisCluster.keys(cluster.master(1), BUDGET_KEYS)).containsExactly(redisKey(key, MODEL));
        assertThat(RedisCluster.keys(cluster.master(0), BUDGET_KEYS)).isEmpty();
        assertThat(RedisCluster.keys(cluster.master(2), BUDGET_KEYS)).isEmpty();
    }

    @Test
    void callersWaitingForTheSharedWindowAreServedFirstComeFirstServed() throws Exception {
        Duration window = Duration.ofSeconds(1);
        String key = budgetKeyOn(2, MODEL);
        RedisImageBudget first = open(budget(cluster.master(0), key, 3, window).build());
        RedisImageBudget second = open(budget(cluster.master(1), key, 3, window).build());
        take(first, 2, Duration.ofSeconds(5));

        long start = System.nanoTime();
        List<String> served = new CopyOnWriteArrayList<>();
        CompletableFuture<ImageBudget.Grant> two = second.acquire(MODEL, 2, Duration.ofSeconds(5))
                .whenComplete((grant, failure) -> served.add("two after " + (System.nanoTime() - start) / 1_000_000
                        + " ms"));
        // The one image left would do for this caller, but it came second: it waits behind the first.
        CompletableFuture<ImageBudget.Grant> one = second.acquire(MODEL, 1, Duration.ofSeconds(5))
                .whenComplete((grant, failure) -> served.add("one"));
        CompletableFuture.allOf(two, one).get(10, TimeUnit.SECONDS);

        assertThat(served).hasSize(2);
        assertThat(served.get(0)).startsWith("two after ");
        assertThat(served.get(1)).isEqualTo("one");
        long waitedMillis = Long.parseLong(served.get(0).replaceAll("\\D", ""));
        assertThat(waitedMillis).as("granted when the first grant left the window").isBetween(700L, 4_000L);
        assertThat(second.metrics().grants()).isEqualTo(2);
        assertThat(second.metrics().waits()).as("both found the window full").isEqualTo(2);
        assertRefused(first, MODEL);
    }

    @Test
    void budgetsOfSeveralKeysAndModelsLiveOnTheMastersOfTheirSlots() throws Exception {
        List<String> budgetKeys = new ArrayList<>();
        List<RedisImageBudget> budgets = new ArrayList<>();
        Map<Integer, List<String>> expectedKeys = new TreeMap<>();
        for (int master = 0; master < 3; master++) {
            String key = budgetKeyOn(master, MODEL);
            budgetKeys.add(key);
            // Seeded at the next master: the budget finds the slot's master itself.
            budgets.add(open(budget(cluster.master((master + 1) % 3), key, 2, LONG_WINDOW).build()));
            expectedKeys.computeIfAbsent(master, any -> new ArrayList<>()).add(redisKey(key, MODEL));
        }
        // The first budget's second model: its window on another master than its first.
        String otherModel = modelOff(budgetKeys.get(0), 0);
        expectedKeys.get(cluster.masterIndexOf(redisKey(budgetKeys.get(0), otherModel)))
                .add(redisKey(budgetKeys.get(0), otherModel));

        for (RedisImageBudget budget : budgets) {
            take(budget, 2, Duration.ofSeconds(5));
            assertRefused(budget, MODEL);
        }
        RedisImageBudget twoModels = budgets.get(0);
        twoModels.acquire(otherModel, 2, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertRefused(twoModels, otherModel);

        for (int master = 0; master < 3; master++) {
            assertThat(RedisCluster.keys(cluster.master(master), BUDGET_KEYS)).as("keys on master %d", master)
                    .containsExactlyElementsOf(expectedKeys.get(master).stream().sorted().toList());
        }
        assertThat(budgets).extracting(budget -> budget.metrics().grants()).containsExactly(2L, 1L, 1L);
        assertThat(budgets).extracting(budget -> budget.metrics().fallbacks()).containsOnly(0L);
    }

    /**
     * The master of a budget's slot is killed (SIGKILL): its budgets — seeded at the killed node or at another —
     * grant from their local share (limit ÷ 2 nodes) within the timeout, and no caller waits past its maxWait; a
     * budget on another master stays on Redis, also once the cluster has flagged the node as failed. Restarted on
     * its port (empty, the scripts gone), the master serves its slots again and the budgets rejoin it.
     */
    @Test
    void aKilledMasterSendsItsBudgetsToTheirLocalShareWithinTheTimeoutAndTheyRejoinItsRestart() throws Exception {
        RedisServer doomed = cluster.master(1);
        String key = budgetKeyOn(1, MODEL);
        RedisImageBudget survivor = open(budget(cluster.master(0), budgetKeyOn(2, MODEL), 4, LONG_WINDOW).build());
        take(survivor, 1, Duration.ofSeconds(5));
        List<RedisImageBudget> onDoomed = new ArrayList<>();
        for (RedisServer seed : List.of(doomed, cluster.master(0))) {
            onDoomed.add(open(budget(seed, key, 4, LONG_WINDOW).nodes(2).timeout(TIMEOUT)
                    .retryPause(RETRY_PAUSE).build()));
        }
        for (RedisImageBudget budget : onDoomed) {
            take(budget, 1, Duration.ofSeconds(5));
            assertThat(budget.metrics().grants()).as("on Redis before the kill").isEqualTo(1);
        }

        doomed.kill();
        for (RedisImageBudget budget : onDoomed) {
            assertLocalShareWithinTheTimeout(budget);
        }
        cluster.awaitFailed(doomed);
        take(survivor, 1, Duration.ofSeconds(5));
        assertThat(survivor.metrics()).extracting(ImageBudget.Metrics::grants,
                ImageBudget.Metrics::fallbacks).containsExactly(2L, 0L);

        doomed.restart();
        cluster.awaitHealthy();
        for (RedisImageBudget budget : onDoomed) {
            awaitRejoined(budget);
            assertThat(budget.metrics()).extracting(ImageBudget.Metrics::grants,
                    ImageBudget.Metrics::fallbackActive).containsExactly(2L, false);
        }
        assertThat(RedisCluster.keys(doomed, BUDGET_KEYS)).as("the grants since the restart")
                .containsExactly(redisKey(key, MODEL));
    }

    /**
     * Redis is away: the share (4 ÷ 2 nodes, less the image Redis granted this node) is granted long before the
     * caller's maxWait of 5 s, the next caller is refused by the share within its maxWait of 1 s, not told the budget
     * is unavailable. The share's image goes back at the end, so the node has room in its share when Redis returns.
     */
    private static void assertLocalShareWithinTheTimeout(RedisImageBudget budget) throws Exception {
        long start = System.nanoTime();
        ImageBudget.Grant local = take(budget, 1, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the timeout, then the local share, not maxWait")
                .isLessThan(TIMEOUT.plus(Duration.ofSeconds(2)));
        start = System.nanoTime();
        assertThatThrownBy(() -> take(budget, 1, Duration.ofSeconds(1))).cause()
                .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> assertThat(e.isLocalLimit()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not past the maxWait of 1 s")
                .isLessThan(Duration.ofMillis(2_500));
        assertThat(budget.metrics()).extracting(ImageBudget.Metrics::grants,
                ImageBudget.Metrics::fallbackGrants, ImageBudget.Metrics::fallbackActive)
                .containsExactly(1L, 1L, true);
        assertThat(budget.waiting()).isZero();
        local.giveBack(1);
    }

    /**
     * Asks for an image until Redis grants one (the local share's go back at once): after each retry pause
     * the budget tries Redis, which Lettuce may not have reconnected to yet (its reconnect delay grows with the
     * outage); 20 s is a bound.
     */
    private static void awaitRejoined(RedisImageBudget budget) throws Exception {
        long grantsBefore = budget.metrics().grants();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (budget.metrics().grants() == grantsBefore) {
            assertThat(System.nanoTime() - deadline).as("rejoined within 20 s: %s", budget.metrics()).isNegative();
            ImageBudget.Grant grant = budget.acquire(MODEL, 1, Duration.ofMillis(300))
                    .handle((granted, failure) -> granted).get(10, TimeUnit.SECONDS);
            if (grant != null && budget.metrics().grants() == grantsBefore) {
                grant.giveBack(1); // the share's: back, so that the share has room for the next try
            }
            Thread.sleep(100);
        }
    }

    /** A model whose window for {@code budgetKey} lives on another master than {@code master}. */
    private String modelOff(String budgetKey, int master) {
        for (int n = 0; ; n++) {
            if (cluster.masterIndexOf(redisKey(budgetKey, "model-" + n)) != master) {
                return "model-" + n;
            }
        }
    }
}
