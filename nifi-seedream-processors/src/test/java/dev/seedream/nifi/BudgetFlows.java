/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.budget.redis.RedisImageBudget;
import dev.seedream.client.SeedreamClient;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.TestRunner;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runners whose connection service takes its images from a Redis budget service: used by the flow, outage and
 * cluster tests, in the test JVM and in the cluster test's worker JVMs alike.
 */
final class BudgetFlows {

    static final String API_KEY = "test-key";
    static final String CONNECTION_ID = "seedream";
    static final String BUDGET_ID = "budget";

    private BudgetFlows() {
    }

    /**
     * The Redis budget service over a shortened window, as a test runs several windows in seconds, and a fixed number
     * of nodes. A grant counts {@code margin} longer than the window: a request arrives at the provider a little after
     * its grant, the first ones of a client much later (the budget module's cluster test explains it), which is
     * much of a shortened window's sixtieth.
     */
    static final class ShortWindowBudgetService extends RedisSeedreamImageBudgetService {
        private final Duration window;
        private final Duration margin;
        private final int nodes;

        ShortWindowBudgetService(Duration window, Duration margin, int nodes) {
            this.window = window;
            this.margin = margin;
            this.nodes = nodes;
        }

        @Override
        RedisImageBudget.Builder limit(RedisImageBudget.Builder builder, int images) {
            return builder.limit(images, window).margin(margin);
        }

        @Override
        int nodes() {
            return nodes;
        }
    }

    /** Adds the budget service at {@code redisPort} on loopback with these properties and enables it. */
    static <S extends RedisSeedreamImageBudgetService> S addBudget(TestRunner runner, S service, int redisPort,
                                                                   Map<PropertyDescriptor, String> properties) {
        warmUpTheJvm(redisPort, properties.get(RedisSeedreamImageBudgetService.PASSWORD));
        try {
            runner.addControllerService(BUDGET_ID, service);
        } catch (InitializationException e) {
            throw new IllegalStateException(e);
        }
        runner.setProperty(service, RedisSeedreamImageBudgetService.CONNECTION_STRING, "127.0.0.1:" + redisPort);
        properties.forEach((descriptor, value) -> runner.setProperty(service, descriptor, value));
        runner.enableControllerService(service);
        warmUp(service);
        return service;
    }

    private static boolean jvmWarm;

    /**
     * Loads Lettuce's classes once per JVM, with a budget of its own that may take its time: the first connection
     * of a JVM on a busy machine takes longer than a Communication Timeout of 500 ms.
     */
    private static synchronized void warmUpTheJvm(int redisPort, String password) {
        if (jvmWarm) {
            return;
        }
        String credentials = password == null ? "" : ":" + password + "@";
        String uri = "redis://" + credentials + "127.0.0.1:" + redisPort;
        // A key of this JVM's own: another JVM warming up meanwhile must not wait for this one's image.
        try (RedisImageBudget budget = RedisImageBudget.builder().uri(uri)
                .budgetKey("warm-up-" + ProcessHandle.current().pid()).imagesPerMinute(1)
                .timeout(Duration.ofSeconds(10)).build()) {
            budget.acquire(SeedreamClient.DEFAULT_MODEL, 1, Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS)
                    .giveBack(1);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Redis did not grant the JVM's warm-up image", e);
        }
        jvmWarm = true;
    }

    /**
     * Connects and loads the scripts, which the first call does and which can take longer than a Communication
     * Timeout on a busy machine: a fallback then would grant a local share on top of Redis's. The image goes back,
     * so the window stays empty.
     */
    private static void warmUp(RedisSeedreamImageBudgetService service) {
        try {
            service.getImageBudget().acquire(SeedreamClient.DEFAULT_MODEL, 1, Duration.ofSeconds(10))
                    .get(10, TimeUnit.SECONDS).giveBack(1);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The budget did not grant its warm-up image", e);
        }
        if (service.getImageBudget().metrics().fallbackActive()) {
            throw new IllegalStateException("Redis did not answer the warm-up within the Communication Timeout");
        }
    }

    /**
     * Adds the connection service to the emulator, without client retries, using the budget service when one was
     * added, enables it and points the processor at it.
     */
    static StandardSeedreamConnectionService addConnection(TestRunner runner, String baseUrl,
                                                           Map<PropertyDescriptor, String> properties) {
        StandardSeedreamConnectionService service = new StandardSeedreamConnectionService();
        try {
            runner.addControllerService(CONNECTION_ID, service);
        } catch (InitializationException e) {
            throw new IllegalStateException(e);
        }
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, baseUrl);
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, API_KEY);
        runner.setProperty(service, StandardSeedreamConnectionService.MAX_RETRIES, "0");
        if (runner.getControllerService(BUDGET_ID) != null) {
            runner.setProperty(service, StandardSeedreamConnectionService.IMAGE_BUDGET_SERVICE, BUDGET_ID);
        }
        properties.forEach((descriptor, value) -> runner.setProperty(service, descriptor, value));
        runner.enableControllerService(service);
        runner.setProperty(AbstractSeedreamProcessor.CONNECTION_SERVICE, CONNECTION_ID);
        runner.setProperty(RequestOptions.SIZE, SeedreamTestSupport.SMALL);
        return service;
    }

    static long counter(TestRunner runner, String name) {
        Long value = runner.getCounterValue(name);
        return value == null ? 0 : value;
    }
}
