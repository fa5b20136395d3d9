/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import dev.seedream.camel.SeedreamEndpoint;
import dev.seedream.emulator.SeedreamEmulator;
import dev.seedream.emulator.junit.RedisServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped shared-budget YAML route, loaded by camel-main with the shipped application.properties, against the
 * emulator and a real redis-server: every image is granted by the budget on Redis.
 */
class SharedBudgetYamlRouteTest {

    @Test
    void theSharedBudgetRouteDrawsEveryImageFromRedis(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("prompts.txt"), "# pods share one budget\na harbour at dawn\na harbour at dusk\n"
                + "a harbour at night\n");
        Path output = work.resolve("out");

        try (SeedreamEmulator emulator = SeedreamEmulator.start(); RedisServer redis = RedisServer.start()) {
            Main main = YamlRoutesTest.camelMain("generate-images-shared-budget.yaml", emulator);
            main.addOverrideProperty("seedream.budget.redis-uri", redis.uri());
            main.addOverrideProperty("seedream.budget.key", "example-" + System.nanoTime());
            main.addOverrideProperty("prompts.dir", work.toString());
            main.addOverrideProperty("prompts.file", "prompts.txt");
            main.addOverrideProperty("output.dir", output.toString());
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> YamlRoutesTest.runQuietly(main));
            try {
                assertThat(Awaits.files(output, ".jpg", 3, Duration.ofSeconds(20))).hasSize(3);

                SeedreamEndpoint endpoint = main.getCamelContext().getEndpoints().stream()
                        .filter(SeedreamEndpoint.class::isInstance).map(SeedreamEndpoint.class::cast).findFirst()
                        .orElseThrow();
                assertThat(endpoint.getBudget()).startsWith("RedisImageBudget[" + redis.uri())
                        .contains("500 images");
                assertThat(endpoint.getBudgetGrants()).isEqualTo(3);
                assertThat(endpoint.getBudgetFallbackGrants()).isZero();
                assertThat(emulator.stats().imagesGenerated()).isEqualTo(3);
            } finally {
                main.completed();
                running.get();
            }
        }
    }
}
