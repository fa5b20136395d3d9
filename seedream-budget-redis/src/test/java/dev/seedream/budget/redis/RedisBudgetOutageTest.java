/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.junit.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an outage of Redis leaves behind: the calls it fails, and the window it returns to. */
class RedisBudgetOutageTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final RedisServer redis = open(RedisServer.start());

    @AfterEach
    void closeAll() throws Exception {
        redis.resume();
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    private RedisImageBudget budget(String key, RedisImageBudget.Fallback fallback) {
        return open(RedisImageBudget.builder().uri(redis.uri()).budgetKey(key).limit(4, WINDOW).nodes(2)
                .fallback(fallback).timeout(TIMEOUT).retryPause(RETRY_PAUSE).build());
    }

    /**
     * No retry of the call can succeed before the budget's retry pause: the client does not retry it, and nothing is
     * sent (the base URL has no server: a sent request would fail otherwise).
     */
    @Test
    void aBudgetSetToFailEndsTheCallAtOnceWithoutRetries() {
        RedisImageBudget budget = budget("fail-" + System.nanoTime(), RedisImageBudget.Fallback.FAIL);
        SeedreamClient client = open(SeedreamClient.builder().baseUrl("http://127.0.0.1:9/api/v3").apiKey("test-key")
                .imageBudget(budget).maxRetries(3).build());
        redis.pause();
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.generate(ImageRequest.builder().prompt("no budget").build()))
                .isInstanceOf(SeedreamBudgetUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the Redis timeout, no backoff")
                .isLessThan(TIMEOUT.plusMillis(700));
        assertThat(client.metrics().retries()).isZero();
        assertThat(client.metrics().requestsSent()).isZero();
    }

    /**
     * Node A grants its share (4 ÷ 2) while Redis is stopped. When Redis answers again, A writes those grants into
     * the shared window, so node B, which never lost Redis, gets only what is left of the limit.
     */
    @Test
    void theGrantsOfTheLocalShareAreWrittenToRedisWhenItReturns() throws Exception {
        String key = "rejoin-" + System.nanoTime();
        RedisImageBudget nodeA = budget(key, RedisImageBudget.Fallback.LOCAL_SHARE);
        RedisImageBudget nodeB = budget(key, RedisImageBudget.Fallback.LOCAL_SHARE);
        take(nodeB, 1, Duration.ofSeconds(5)).giveBack(1); // B's connection is open before the outage

        redis.pause();
        take(nodeA, 2, Duration.ofSeconds(5));
        assertThat(nodeA.metrics().fallbackGrants()).isEqualTo(1);
        redis.resume();
        Thread.sleep(RETRY_PAUSE.plusMillis(100).toMillis());

        // A is held to its share, which is used up: it asks for nothing, but Redis now holds its two images.
        assertThatThrownBy(() -> take(nodeA, 1, Duration.ofMillis(300))).cause()
                .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> assertThat(e.isLocalLimit()).isTrue());
        assertThat(nodeA.metrics().fallbackActive()).isFalse();
        take(nodeB, 2, Duration.ofSeconds(1));
        assertThatThrownBy(() -> take(nodeB, 1, Duration.ofMillis(300))).as("the limit of 4 is used up")
                .cause().isInstanceOf(SeedreamRateLimitException.class);
        assertThat(nodeB.metrics().fallbacks()).as("B never lost Redis").isZero();
    }

    private static ImageBudget.Grant take(ImageBudget budget, int images, Duration maxWait) throws Exception {
        return budget.acquire("seedream-4-0-250828", images, maxWait).get(maxWait.toMillis() + 5_000,
                TimeUnit.MILLISECONDS);
    }
}
