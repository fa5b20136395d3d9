/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageBudget;
import dev.seedream.emulator.junit.RedisCluster;
import dev.seedream.emulator.junit.RedisServer;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.controller.NodeTypeProvider;
import org.apache.nifi.util.LogMessage;
import org.apache.nifi.util.MockComponentLog;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Redis budget service against a real redis-server on loopback that asks for a password. */
class RedisSeedreamImageBudgetServiceTest {

    private static final String PASSWORD = "s3cret-redis-pw";

    private static RedisServer redis;

    private final TestRunner runner = TestRunners.newTestRunner(new GenerateImageSeedream());

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start("--requirepass", PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private RedisSeedreamImageBudgetService added(int port, String password) throws Exception {
        RedisSeedreamImageBudgetService service = new RedisSeedreamImageBudgetService();
        runner.addControllerService(BudgetFlows.BUDGET_ID, service);
        runner.setProperty(service, RedisSeedreamImageBudgetService.CONNECTION_STRING, "127.0.0.1:" + port);
        runner.setProperty(service, RedisSeedreamImageBudgetService.PASSWORD, password);
        runner.setProperty(service, RedisSeedreamImageBudgetService.BUDGET_KEY, "unit-" + System.nanoTime());
        return service;
    }

    @Test
    void itsPropertiesReadLikeNiFisRedisServicesPlusTheBudgetsOwn() {
        List<PropertyDescriptor> properties = new RedisSeedreamImageBudgetService().getPropertyDescriptors();

        assertThat(properties).extracting(PropertyDescriptor::getName).containsExactly("Redis Mode",
                "Connection String", "Username", "Password", "SSL Context Service", "Communication Timeout",
                "Budget Key", "Images Per Minute", "Fallback", "Redis Retry Interval");
        assertThat(RedisSeedreamImageBudgetService.PASSWORD.isSensitive()).isTrue();
        assertThat(RedisSeedreamImageBudgetService.COMMUNICATION_TIMEOUT.getDefaultValue()).isEqualTo("500 millis");
        assertThat(RedisSeedreamImageBudgetService.FALLBACK.getAllowableValues())
                .extracting(value -> value.getDisplayName() + ": " + value.getDescription())
                .allMatch(text -> text.length() > 40).hasSize(2);
    }

    @Test
    void rejectsWhatCannotReachOrNameABudget() throws Exception {
        RedisSeedreamImageBudgetService service = added(redis.port(), PASSWORD);
        runner.assertValid(service);

        for (String connection : List.of("redis.example.com", "a:1,b:2", "host:99999", "redis://host:6379")) {
            runner.setProperty(service, RedisSeedreamImageBudgetService.CONNECTION_STRING, connection);
            runner.assertNotValid(service);
        }
        runner.setProperty(service, RedisSeedreamImageBudgetService.CONNECTION_STRING, "[::1]:6379");
        runner.assertValid(service);
        runner.setProperty(service, RedisSeedreamImageBudgetService.BUDGET_KEY, "a{b}");
        runner.assertNotValid(service);
        runner.setProperty(service, RedisSeedreamImageBudgetService.BUDGET_KEY, "account-1");
        runner.setProperty(service, RedisSeedreamImageBudgetService.IMAGES_PER_MINUTE, "0");
        runner.assertNotValid(service);
        runner.setProperty(service, RedisSeedreamImageBudgetService.IMAGES_PER_MINUTE, "500");
        runner.removeProperty(service, RedisSeedreamImageBudgetService.PASSWORD);
        runner.setProperty(service, RedisSeedreamImageBudgetService.USERNAME, "seedream");
        runner.assertNotValid(service);
    }

    @Test
    void verifyPingsRedisAndNamesItsAddressAndTheLocalShare() throws Exception {
        RedisSeedreamImageBudgetService service = added(redis.port(), PASSWORD);

        List<ConfigVerificationResult> results = runner.verify(service, Map.of());

        assertThat(results).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(results.get(0).getExplanation()).contains("500 images per minute")
                .contains("local share 500 (1 node(s))");
        assertThat(results.get(1).getExplanation()).contains("redis://127.0.0.1:" + redis.port())
                .contains("PONG");
        assertPasswordNowhere(results);
    }

    @Test
    void verifyFailsNamingTheAddressButNotThePasswordWhenRedisIsDownOrRefusesIt() throws Exception {
        try (RedisServer down = RedisServer.start("--requirepass", PASSWORD)) {
            down.kill();
            RedisSeedreamImageBudgetService service = added(down.port(), PASSWORD);

            List<ConfigVerificationResult> unreachable = runner.verify(service, Map.of());

            assertThat(unreachable.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
            assertThat(unreachable.get(1).getExplanation())
                    .startsWith("Redis at redis://127.0.0.1:" + down.port() + " did not answer PING");
            assertPasswordNowhere(unreachable);
        }
        runner.removeControllerService(runner.getControllerService(BudgetFlows.BUDGET_ID));
        RedisSeedreamImageBudgetService wrong = added(redis.port(), "not-" + PASSWORD);

        List<ConfigVerificationResult> refused = runner.verify(wrong, Map.of());

        assertThat(refused.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.get(1).getExplanation()).contains("redis://127.0.0.1:" + redis.port())
                .doesNotContain("not-" + PASSWORD);
        assertPasswordNowhere(refused);
    }

    @Test
    void theClusterSizeIsTheMembersNiFiListsAndOneOnAStandaloneNiFi() {
        assertThat(RedisSeedreamImageBudgetService.clusterSize(nodes(false, Set.of()))).isEqualTo(1);
        assertThat(RedisSeedreamImageBudgetService.clusterSize(nodes(true, Set.of("a:8443", "b:8443", "c:8443"))))
                .isEqualTo(3);
        assertThat(RedisSeedreamImageBudgetService.clusterSize(nodes(true, Set.of()))).as("not yet connected")
                .isEqualTo(1);
        assertThat(RedisSeedreamImageBudgetService.clusterSize(new NodeTypeProvider() {
            @Override
            public boolean isClustered() {
                return true;
            }

            @Override
            public boolean isPrimary() {
                return false;
            }
        })).as("a provider that does not list members").isEqualTo(1);
        assertThat(new RedisSeedreamImageBudgetService().nodes()).as("not initialized: standalone").isEqualTo(1);
    }

    @Test
    void enabledItGrantsFromRedisAndDisabledItClosesTheBudget() throws Exception {
        RedisSeedreamImageBudgetService service = added(redis.port(), PASSWORD);
        runner.setProperty(service, RedisSeedreamImageBudgetService.IMAGES_PER_MINUTE, "3");
        runner.enableControllerService(service);

        ImageBudget budget = service.getImageBudget();
        budget.acquire("seedream-4-0-250828", 3, Duration.ofSeconds(2)).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> budget.acquire("seedream-4-0-250828", 1, Duration.ofMillis(300))
                .get(5, TimeUnit.SECONDS)).hasMessageContaining("shared image budget");
        assertThat(service.takeWaits()).as("the refused caller waited").isEqualTo(1);
        assertThat(service.takeWaits()).as("counted once").isZero();
        assertThat(budget.toString()).contains("127.0.0.1").doesNotContain(PASSWORD);
        assertThat(service.verifyBudget(runner.getLogger())).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL);

        runner.disableControllerService(service);

        assertThatThrownBy(service::getImageBudget).hasMessageContaining("not enabled");
        assertThat(service.verifyBudget(runner.getLogger())).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.FAILED);
        assertPasswordNowhere(List.of());
    }

    /** Redis Mode Cluster against a real Redis Cluster of three masters, seeded at one: grants on the budget's slot. */
    @Test
    void inClusterModeItVerifiesAndGrantsFromTheMasterOfTheBudgetsSlot() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3)) {
            RedisSeedreamImageBudgetService service = new RedisSeedreamImageBudgetService();
            runner.addControllerService(BudgetFlows.BUDGET_ID, service);
            runner.setProperty(service, RedisSeedreamImageBudgetService.REDIS_MODE,
                    RedisSeedreamImageBudgetService.MODE_CLUSTER.getValue());
            runner.setProperty(service, RedisSeedreamImageBudgetService.CONNECTION_STRING,
                    "127.0.0.1:" + cluster.master(0).port());
            runner.setProperty(service, RedisSeedreamImageBudgetService.COMMUNICATION_TIMEOUT, "2 secs");
            String key = "nifi-cluster-" + System.nanoTime();
            runner.setProperty(service, RedisSeedreamImageBudgetService.BUDGET_KEY, key);
            runner.setProperty(service, RedisSeedreamImageBudgetService.IMAGES_PER_MINUTE, "2");

            assertThat(runner.verify(service, Map.of())).extracting(ConfigVerificationResult::getOutcome)
                    .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
            runner.enableControllerService(service);
            ImageBudget budget = service.getImageBudget();
            budget.acquire("seedream-4-0-250828", 2, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> budget.acquire("seedream-4-0-250828", 1, Duration.ofMillis(300))
                    .get(5, TimeUnit.SECONDS)).hasMessageContaining("shared image budget");

            String redisKey = "seedream:budget:{" + key + ":seedream-4-0-250828}";
            assertThat(RedisCluster.keys(cluster.masterOf(redisKey), "seedream:budget:*")).as("on its slot's master")
                    .containsExactly(redisKey);
            assertThat(budget.metrics()).extracting(ImageBudget.Metrics::grants, ImageBudget.Metrics::fallbacks)
                    .containsExactly(1L, 0L);
            runner.disableControllerService(service);
        }
    }

    private void assertPasswordNowhere(List<ConfigVerificationResult> results) {
        List<String> texts = new ArrayList<>();
        results.forEach(result -> texts.add(result.getExplanation()));
        texts.addAll(messages(runner.getControllerServiceLogger(BudgetFlows.BUDGET_ID)));
        texts.addAll(messages(runner.getLogger()));
        assertThat(texts).noneMatch(text -> text.contains(PASSWORD));
    }

    static List<String> messages(MockComponentLog log) {
        return Stream.of(log.getTraceMessages(), log.getDebugMessages(), log.getInfoMessages(),
                        log.getWarnMessages(), log.getErrorMessages()).flatMap(List::stream)
                .map(RedisSeedreamImageBudgetServiceTest::text).toList();
    }

    private static String text(LogMessage message) {
        return message.getMsg() + " " + Arrays.toString(message.getArgs())
                + (message.getThrowable() == null ? "" : " " + message.getThrowable());
    }

    private static NodeTypeProvider nodes(boolean clustered, Set<String> members) {
        return new NodeTypeProvider() {
            @Override
            public boolean isClustered() {
                return clustered;
            }

            @Override
            public boolean isPrimary() {
                return false;
            }

            @Override
            public Set<String> getClusterMembers() {
                return members;
            }
        };
    }
}
