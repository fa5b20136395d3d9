/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageBudget;
import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.RedisServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.flowfile.attributes.CoreAttributes;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.util.LogMessage;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static dev.seedream.nifi.BudgetFlows.counter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GenerateImageSeedream with a connection service that takes its images from the Redis budget service, against the
 * emulator at the budget's limit over a shortened window: images flow within the budget, the counters say so, and
 * while Redis hangs (SIGSTOP) or is killed (SIGKILL) the node keeps working within its local share, raises a
 * bulletin, and rejoins.
 */
class SharedBudgetFlowTest {

    private static final int LIMIT = 6;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    /** The first requests of each test's new client arrive late: a tenth of the window was not always enough. */
    private static final Duration MARGIN = WINDOW.dividedBy(4);
    private static final String PASSWORD = "flow-redis-pw";

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .imagesPerMinute(LIMIT).rateWindow(WINDOW).latency(Latency.fixed(Duration.ofMillis(20))).build());

    private final RedisServer redis = RedisServer.start("--requirepass", PASSWORD);
    private final TestRunner runner = TestRunners.newTestRunner(new GenerateImageSeedream());

    @AfterEach
    void stopRedis() {
        runner.disableControllerService(runner.getControllerService(BudgetFlows.CONNECTION_ID));
        runner.disableControllerService(runner.getControllerService(BudgetFlows.BUDGET_ID));
        redis.close();
    }

    /**
     * A first request in a JVM takes long enough (class loading, the first connection) to arrive at the emulator
     * after much of a shortened window's margin: it is sent here, before the tests, whose emulator is reset.
     */
    @BeforeAll
    static void warmUp() {
        TestRunner warm = TestRunners.newTestRunner(new GenerateImageSeedream());
        BudgetFlows.addConnection(warm, emulator.baseUri().toString(),
                Map.of(StandardSeedreamConnectionService.IMAGES_PER_MINUTE, "0"));
        warm.setProperty(GenerateImageSeedream.PROMPT, "warm-up");
        warm.run();
        warm.disableControllerService(warm.getControllerService(BudgetFlows.CONNECTION_ID));
    }

    private RedisSeedreamImageBudgetService budget(int nodes, String fallback) {
        return budget(nodes, fallback, "5 secs");
    }

    private RedisSeedreamImageBudgetService budget(int nodes, String fallback, String rateLimitWaitTimeout) {
        return budget(LIMIT, nodes, fallback, rateLimitWaitTimeout);
    }

    /** A budget of {@code limit} images per window: below the emulator's {@link #LIMIT} leaves room for a share. */
    private RedisSeedreamImageBudgetService budget(int limit, int nodes, String fallback,
                                                   String rateLimitWaitTimeout) {
        RedisSeedreamImageBudgetService budget = BudgetFlows.addBudget(runner,
                new BudgetFlows.ShortWindowBudgetService(WINDOW, MARGIN, nodes), redis.port(), Map.of(
                        RedisSeedreamImageBudgetService.PASSWORD, PASSWORD,
                        RedisSeedreamImageBudgetService.IMAGES_PER_MINUTE, String.valueOf(limit),
                        RedisSeedreamImageBudgetService.BUDGET_KEY, "flow-" + System.nanoTime(),
                        RedisSeedreamImageBudgetService.REDIS_RETRY_INTERVAL, "1 sec",
                        RedisSeedreamImageBudgetService.FALLBACK, fallback));
        BudgetFlows.addConnection(runner, emulator.baseUri().toString(), Map.of(
                StandardSeedreamConnectionService.IMAGES_PER_MINUTE, "1", // ignored: the budget service decides
                StandardSeedreamConnectionService.RATE_LIMIT_WAIT_TIMEOUT, rateLimitWaitTimeout));
        runner.setProperty(GenerateImageSeedream.PROMPT, "a lighthouse");
        runner.setProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN, "20");
        return budget;
    }

    @Test
    void imagesFlowWithinTheSharedBudgetAndTheCountersSaySo() {
        budget(1, "LOCAL_SHARE");
        for (int i = 0; i < 2 * LIMIT; i++) {
            runner.enqueue("");
        }

        long start = System.nanoTime();
        runner.run();

        assertThat(runner.getControllerServiceLogger(BudgetFlows.BUDGET_ID).getWarnMessages()).as("no fallback")
                .isEmpty();
        assertThat(emulator.stats().requestsWithStatus(429)).isZero();
        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, 2 * LIMIT);
        runner.assertTransferCount(AbstractSeedreamProcessor.ORIGINAL, 2 * LIMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the second half waited for the window")
                .isGreaterThan(WINDOW.multipliedBy(9).dividedBy(10));
        assertThat(emulator.stats().requestsWithStatus(429)).isZero();
        assertThat(counter(runner, SeedreamCounters.IMAGES_GENERATED)).isEqualTo(2 * LIMIT);
        assertThat(counter(runner, SeedreamCounters.BUDGET_WAITS)).isPositive();
        assertThat(counter(runner, SeedreamCounters.CALLS_FAILED)).isZero();
        assertThat(counter(runner, SeedreamCounters.CALLS_RATE_LIMITED)).isZero();
        assertPasswordNowhere();
    }

    @Test
    void aWaitPastTheRateLimitWaitTimeoutLeavesTheFlowFileQueuedAndCountsIt() {
        budget(1, "LOCAL_SHARE", "300 ms");
        for (int i = 0; i < LIMIT + 2; i++) {
            runner.enqueue("");
        }

        runner.run();

        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, LIMIT);
        assertThat(runner.getQueueSize().getObjectCount()).as("left queued").isEqualTo(2);
        assertThat(counter(runner, SeedreamCounters.CALLS_RATE_LIMITED)).isEqualTo(2);
    }

    @Test
    void theConnectionServicesVerifyChecksTheBudgetsRedisToo() {
        budget(1, "LOCAL_SHARE");
        StandardSeedreamConnectionService connection = (StandardSeedreamConnectionService)
                runner.getControllerService(BudgetFlows.CONNECTION_ID);
        runner.disableControllerService(connection);

        List<ConfigVerificationResult> up = runner.verify(connection, Map.of());
        redis.pause();
        List<ConfigVerificationResult> hung = runner.verify(connection, Map.of());
        redis.resume();
        runner.enableControllerService(connection);

        assertThat(up).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(up.get(2).getVerificationStepName()).isEqualTo("Reach Redis");
        assertThat(hung.get(2).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(hung.get(2).getExplanation()).contains("redis://127.0.0.1:" + redis.port())
                .doesNotContain(PASSWORD);
    }

    /**
     * Redis hangs mid-run: each request falls back within the Communication Timeout (500 ms) to the node's local share
     * (the limit ÷ 2 nodes), which counts the 2 images Redis granted this node in the window; no run waits past its
     * Run Timeout, every input ends exactly once, a WARN bulletin says so once; Redis resumed, the node rejoins with
     * an INFO.
     */
    @Test
    void whileRedisHangsTheNodeWorksWithinItsShareAndRejoinsAfterwards() throws Exception {
        RedisSeedreamImageBudgetService budget = budget(2, "LOCAL_SHARE", "1 sec");
        runner.setProperty(AbstractSeedreamProcessor.RUN_TIMEOUT, "4 secs");
        int inputs = 2 * LIMIT;
        for (int i = 0; i < 2; i++) {
            runner.enqueue("");
        }
        runner.run(1, false, true);
        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, 2); // on Redis

        redis.pause();
        for (int i = 2; i < inputs; i++) {
            runner.enqueue("");
        }
        long start = System.nanoTime();
        runner.run(1, false, false);
        Duration hungRun = Duration.ofNanos(System.nanoTime() - start);

        int share = LIMIT / 2;
        assertThat(runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.SUCCESS))
                .as("2 on Redis + the rest of the share").hasSize(share);
        assertThat(budget.getImageBudget().metrics().fallbackGrants()).isEqualTo(share - 2);
        assertThat(hungRun).as("no wait past the Run Timeout").isLessThan(Duration.ofSeconds(4));
        assertThat(budget.getImageBudget().metrics().fallbackActive()).isTrue();
        assertEveryInputOnce(inputs);
        assertOneBulletinForTheOutage();

        redis.resume();
        runAfterTheOutage(budget, inputs);

        assertThat(runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.SUCCESS).size())
                .as("more images after the rejoin").isGreaterThan(share);
    }

    /**
     * Redis is killed (SIGKILL) in the middle of a run: of 8 FlowFiles in flight together, Redis granted its 4 (a
     * budget of 4, so that the emulator's 6 leave room for the share) and the other 4 wait for its window when the
     * kill comes. They fall back to the local share (4 ÷ 2 nodes), which this node's 4 of the window already fill:
     * they wait out the Rate Limit Wait Timeout (3 s, shorter than the window) and stay queued; no run waits past it.
     * Restarted on its port (empty, the scripts gone), Redis is rejoined by the next run, but for a window after the
     * rejoin the node keeps to its share (the other node may still be granting from its own): 2 of the queued
     * FlowFiles go on Redis's grants, 2 wait. A run after that window sends them: every input ends exactly once, with
     * its image.
     */
    @Test
    void whenRedisIsKilledMidRunTheNodeFallsBackToItsShareAndRejoinsTheRestartedRedis() throws Exception {
        int limit = 4;
        int share = limit / 2;
        RedisSeedreamImageBudgetService budget = budget(limit, 2, "LOCAL_SHARE", "3 secs");
        runner.setProperty(AbstractSeedreamProcessor.RUN_TIMEOUT, "10 secs");
        int inputs = 2 * limit;
        for (int i = 0; i < inputs; i++) {
            runner.enqueue("");
        }

        long warmUpGrants = budget.getImageBudget().metrics().grants();
        FutureTask<Void> kill = killRedisOnceTheEmulatorHasGenerated(limit);
        long start = System.nanoTime();
        runner.run(1, false, true);
        Duration killedRun = Duration.ofNanos(System.nanoTime() - start);
        kill.get(10, TimeUnit.SECONDS);

        ImageBudget.Metrics killed = budget.getImageBudget().metrics();
        assertThat(killed.grants() - warmUpGrants).as("Redis's window, all before the kill").isEqualTo(limit);
        assertThat(killed.fallbackGrants()).as("the local share, full with this node's grants").isZero();
        assertThat(killed.fallbacks()).as("one outage (its 1-s retry interval is over by the run's end)")
                .isEqualTo(1);
        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, limit);
        assertThat(runner.getQueueSize().getObjectCount()).as("waited out the Rate Limit Wait Timeout")
                .isEqualTo(inputs - limit);
        assertThat(counter(runner, SeedreamCounters.CALLS_RATE_LIMITED)).isEqualTo(inputs - limit);
        assertThat(killedRun).as("no wait past the Rate Limit Wait Timeout of 3 s").isLessThan(Duration.ofMillis(4_500));
        assertEveryInputOnce(inputs);
        assertOneBulletinForTheOutage();

        redis.restart();
        runAfterTheOutage(budget, inputs);

        assertThat(budget.getImageBudget().metrics().grants() - killed.grants())
                .as("the share's worth of the queued ones, on Redis").isEqualTo(share);
        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, limit + share);
        assertThat(runner.getQueueSize().getObjectCount()).as("held to the share").isEqualTo(inputs - limit - share);

        Thread.sleep(WINDOW.plus(MARGIN).toMillis()); // the hold after the rejoin is over
        runner.run(1, true, true);

        assertThat(budget.getImageBudget().metrics().grants() - killed.grants()).as("the rest, on Redis")
                .isEqualTo(inputs - limit);
        assertThat(budget.getImageBudget().metrics().fallbackGrants()).isZero();
        runner.assertTransferCount(AbstractSeedreamProcessor.SUCCESS, inputs);
        assertThat(runner.getQueueSize().getObjectCount()).isZero();
        assertThat(counter(runner, SeedreamCounters.CALLS_FAILED)).isZero();
    }

    /** Kills Redis from another thread once the emulator has generated {@code images}, while a run goes on. */
    private FutureTask<Void> killRedisOnceTheEmulatorHasGenerated(long images) {
        FutureTask<Void> kill = new FutureTask<>(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (emulator.stats().imagesGenerated() < images) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the emulator generated only "
                            + emulator.stats().imagesGenerated() + " of " + images + " images in 10 s");
                }
                Thread.sleep(5);
            }
            redis.kill();
            return null;
        });
        Thread thread = new Thread(kill, "kill-redis");
        thread.setDaemon(true);
        thread.start();
        return kill;
    }

    /** The outage raised one WARN bulletin naming Redis (not its password) and the local share. */
    private void assertOneBulletinForTheOutage() {
        List<LogMessage> warnings = runner.getControllerServiceLogger(BudgetFlows.BUDGET_ID).getWarnMessages();
        assertThat(warnings).as("one bulletin for the outage").hasSize(1);
        assertThat(Arrays.toString(warnings.get(0).getArgs())).contains("redis://127.0.0.1:" + redis.port())
                .contains("local share");
    }

    /**
     * Redis is back: past the retry interval and the local window, a run on the queued FlowFiles draws on Redis
     * again, says so with an INFO, the provider meets no 429, and every input still ends exactly once.
     */
    private void runAfterTheOutage(RedisSeedreamImageBudgetService budget, int inputs) throws InterruptedException {
        Thread.sleep(WINDOW.toMillis() + 500); // past the retry interval and the local window
        runner.run(1, true, false);

        assertThat(budget.getImageBudget().metrics().fallbackActive()).isFalse();
        assertThat(runner.getControllerServiceLogger(BudgetFlows.BUDGET_ID).getInfoMessages())
                .anySatisfy(info -> assertThat(Arrays.toString(info.getArgs())).contains("back on Redis"));
        assertEveryInputOnce(inputs);
        assertThat(emulator.stats().requestsWithStatus(429)).isZero();
        assertPasswordNowhere();
    }

    @Test
    void withFallbackFailARequestGoesToRetryUnsentWhileRedisIsDown() {
        budget(1, "FAIL");
        redis.kill();
        runner.enqueue("");

        runner.run();

        runner.assertAllFlowFilesTransferred(AbstractSeedreamProcessor.RETRY, 1);
        runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.RETRY).get(0)
                .assertAttributeEquals(SeedreamAttributes.ERROR_CODE, "ImageBudgetUnavailable");
        assertThat(emulator.stats().generationRequests()).isZero();
        assertThat(counter(runner, SeedreamCounters.CALLS_FAILED)).isEqualTo(1);
        assertPasswordNowhere();
    }

    /** Each input is on original (with its image on success), on retry or failure, or still queued: once. */
    private void assertEveryInputOnce(int inputs) {
        int original = runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.ORIGINAL).size();
        int retry = runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.RETRY).size();
        int failure = runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.FAILURE).size();
        int queued = runner.getQueueSize().getObjectCount();
        assertThat(original + retry + failure + queued).as("original %d + retry %d + failure %d + queued %d",
                original, retry, failure, queued).isEqualTo(inputs);
        assertThat(runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.SUCCESS)).hasSize(original);
        List<String> ended = new ArrayList<>();
        for (Relationship relationship : List.of(AbstractSeedreamProcessor.ORIGINAL, AbstractSeedreamProcessor.RETRY,
                AbstractSeedreamProcessor.FAILURE)) {
            runner.getFlowFilesForRelationship(relationship).forEach(flowFile -> ended.add(flowFile.getAttribute(
                    CoreAttributes.UUID.key())));
        }
        assertThat(ended).as("no input twice").doesNotHaveDuplicates();
    }

    private void assertPasswordNowhere() {
        List<String> texts = new java.util.ArrayList<>();
        runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.SUCCESS)
                .forEach(flowFile -> texts.add(flowFile.getAttributes().toString()));
        runner.getFlowFilesForRelationship(AbstractSeedreamProcessor.RETRY)
                .forEach(flowFile -> texts.add(flowFile.getAttributes().toString()));
        runner.getProvenanceEvents().forEach(event -> texts.add(event.getTransitUri() + " " + event.getDetails()));
        texts.addAll(RedisSeedreamImageBudgetServiceTest.messages(runner.getLogger()));
        texts.addAll(RedisSeedreamImageBudgetServiceTest.messages(
                runner.getControllerServiceLogger(BudgetFlows.BUDGET_ID)));
        texts.addAll(RedisSeedreamImageBudgetServiceTest.messages(
                runner.getControllerServiceLogger(BudgetFlows.CONNECTION_ID)));
        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains(PASSWORD));
    }
}
