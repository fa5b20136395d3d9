/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;
import java.util.Locale;

import dev.seedream.budget.redis.RedisImageBudget;
import dev.seedream.client.ImageBudget;
import org.apache.camel.CamelContext;

/**
 * Builds the Redis budget of the budget options. seedream-budget-redis is an optional dependency, so its classes
 * are named only in the nested {@link Redis} class, which the JVM loads on first use: after the check that the
 * module is there.
 */
final class SeedreamBudgetSupport {

    static final String REDIS_BUDGET_CLASS = "dev.seedream.budget.redis.RedisImageBudget";
    static final String REDIS_MODULE = "dev.seedream:seedream-budget-redis";

    private SeedreamBudgetSupport() {
    }

    /** The Redis budget of {@code options}; fails naming the artifact when it is not on the class path. */
    static ImageBudget redisBudget(CamelContext context, SeedreamBudgetOptions options, int imagesPerMinute) {
        // Camel's class resolver, not Class.forName: it is the one that sees the application's classes in every
        // runtime Camel runs on (Spring Boot, Quarkus, the Camel CLI's class loader).
        if (context.getClassResolver().resolveClass(REDIS_BUDGET_CLASS) == null) {
            throw new IllegalStateException("budgetRedisUri is set, but " + REDIS_MODULE + " is not on the class path:"
                    + " add that dependency (at the version of camel-seedream) to share the images-per-minute budget"
                    + " on Redis; camel-seedream declares it optional so that applications without Redis do not get"
                    + " Lettuce");
        }
        if (imagesPerMinute < 1) {
            throw new IllegalArgumentException("budgetRedisUri needs imagesPerMinute >= 1, the whole account's limit"
                    + " that the pods share, got " + imagesPerMinute);
        }
        return Redis.build(options, imagesPerMinute);
    }

    /** Everything that names the optional module's classes. */
    private static final class Redis {

        static ImageBudget build(SeedreamBudgetOptions options, int imagesPerMinute) {
            return RedisImageBudget.builder()
                    .uri(options.getBudgetRedisUri())
                    .budgetKey(options.getBudgetKey())
                    .imagesPerMinute(imagesPerMinute)
                    .nodes(options.getBudgetNodes())
                    .fallback(fallback(options.getBudgetFallback()))
                    .timeout(Duration.ofMillis(options.getBudgetTimeout()))
                    .retryPause(Duration.ofMillis(options.getBudgetRetryPause()))
                    .cluster(options.isBudgetRedisCluster())
                    .build();
        }

        private static RedisImageBudget.Fallback fallback(String name) {
            try {
                return RedisImageBudget.Fallback.valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("budgetFallback must be LOCAL_SHARE or FAIL, got '" + name + "'", e);
            }
        }
    }
}
