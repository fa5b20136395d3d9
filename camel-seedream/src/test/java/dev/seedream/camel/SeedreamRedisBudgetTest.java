/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.junit.RedisCluster;
import dev.seedream.emulator.junit.RedisServer;
import dev.seedream.emulator.junit.RespClient;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.engine.DefaultClassResolver;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The budget options against a real redis-server on loopback: a route on budgetRedisUri draws on Redis, keeps
 * producing from its local share when Redis hangs (LOCAL_SHARE) or fails the exchange with a type onException
 * catches (FAIL), never shows the Redis password, and names the missing module when it is not on the class path.
 */
class SeedreamRedisBudgetTest extends SeedreamTestSupport {

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    /** An endpoint on the shared budget, with a key of its own so tests do not share a window. */
    private static String sharedBudget(String options) {
        return sharedBudget(100, options);
    }

    private static String sharedBudget(int imagesPerMinute, String options) {
        return "seedream:generate?budgetRedisUri=" + redis.server().uri() + "&budgetKey=test-" + System.nanoTime()
                + "&imagesPerMinute=" + imagesPerMinute + "&budgetTimeout=200" + options;
    }

    private SeedreamEndpoint route(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id)
                        .onException(SeedreamBudgetUnavailableException.class).handled(true).to("mock:unavailable")
                        .end()
                        .to(uri)
                        .to("mock:" + id); // the exchanges that produced their image
            }
        });
        return context.getEndpoint(uri, SeedreamEndpoint.class); // the route's, started
    }

    private Exchange generate(String id, String prompt) {
        return template.request("direct:" + id, e -> e.getIn().setBody(prompt));
    }

    @Test
    void aRouteOnBudgetRedisUriDrawsOnTheSharedBudget() throws Exception {
        SeedreamEndpoint endpoint = route("shared", sharedBudget(""));

        Exchange result = generate("shared", "a lighthouse");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(byte[].class)).satisfies(bytes -> assertThat(isJpeg(bytes)).isTrue());
        assertThat(endpoint.getBudget()).startsWith("RedisImageBudget[" + redis.server().uri())
                .contains("100 images");
        assertThat(endpoint.getBudgetGrants()).isEqualTo(1);
        assertThat(endpoint.getBudgetRedisCalls()).isPositive();
        assertThat(endpoint.isBudgetFallbackActive()).isFalse();
    }

    @Test
    void whileRedisHangsTheLocalShareKeepsTheRouteProducing() throws Exception {
        SeedreamEndpoint endpoint = route("localShare", sharedBudget("&budgetNodes=4"));
        assertThat(generate("localShare", "before the outage").getException()).isNull();

        redis.server().pause();
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Exchange result = generate("localShare", "during the outage " + i);

                assertThat(result.getException()).isNull();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at most the budget timeout added")
                        .isLessThan(Duration.ofSeconds(2));
            }
            assertThat(endpoint.isBudgetFallbackActive()).isTrue();
            assertThat(endpoint.getBudgetFallbacks()).isEqualTo(1);
            assertThat(endpoint.getBudgetFallbackGrants()).isEqualTo(3);
            assertThat(emulator.stats().imagesGenerated()).isEqualTo(4);
        } finally {
            redis.server().resume();
        }
    }

    /**
     * Redis is killed (SIGKILL) while exchanges flow, one every 50 ms: the budget falls back within its timeout to the
     * local share (20 images ÷ 2 pods = 10), which counts what Redis granted this pod before the kill; the exchanges
     * beyond it fail once with a local rate limit after maxLimitWait (1 s), never later, and every exchange ends
     * exactly once. Restarted empty on its port (the scripts gone), Redis is rejoined after the budget's retry pause
     * (10 s, which Camel does not shorten) and is given the share's grants of the window; the pod keeps to its share,
     * used up, for a window after the rejoin, while the other pod may still be granting from its own.
     */
    @Test
    void whenRedisIsKilledMidRunEachExchangeEndsOnceWithinMaxLimitWaitAndTheRestartIsRejoined() throws Exception {
        int limit = 20;
        int share = limit / 2;
        int count = 16; // more than the share: some exchanges find it used up
        SeedreamEndpoint endpoint = route("killed", sharedBudget(limit, "&budgetNodes=2&maxLimitWait=1000"));
        MockEndpoint produced = getMockEndpoint("mock:killed");

        List<CompletableFuture<Sent>> sending = new ArrayList<>();
        long grantsBeforeTheKill = -1;
        boolean down = false;
        try {
            for (int i = 0; i < count; i++) {
                if (grantsBeforeTheKill < 0 && produced.getReceivedCounter() >= 3) {
                    redis.server().kill();
                    down = true;
                    grantsBeforeTheKill = endpoint.getBudgetGrants();
                }
                sending.add(send("killed", i));
                Thread.sleep(50);
            }
            List<Sent> sent = new ArrayList<>();
            for (CompletableFuture<Sent> exchange : sending) {
                sent.add(exchange.get(15, TimeUnit.SECONDS));
            }

            assertThat(grantsBeforeTheKill).as("killed after 3 images, on Redis, while the others were being sent")
                    .isBetween(3L, share - 1L);
            assertThat(sent).as("no exchange waits past maxLimitWait (1 s) and the budget timeout (200 ms)")
                    .allSatisfy(exchange -> assertThat(exchange.took()).isLessThan(Duration.ofSeconds(3)));
            assertThat(endpoint.getBudgetFallbacks()).isEqualTo(1);
            assertThat(endpoint.isBudgetFallbackActive()).isTrue();
            long fromShare = share - grantsBeforeTheKill;
            assertThat(endpoint.getBudgetFallbackGrants()).as("the rest of the share, used up").isEqualTo(fromShare);
            assertThat(endpoint.getBudgetGrants()).as("none from Redis after the kill").isEqualTo(grantsBeforeTheKill);
            assertThat(emulator.stats().imagesGenerated()).isEqualTo(share);
            assertEachEndedOnce(sent, produced, share);

            redis.server().restart();
            down = false;
            awaitTheRetryPause(endpoint);
            long redisCalls = endpoint.getBudgetRedisCalls();
            Exchange held = generate("killed", "after the restart");

            assertThat(held.getException()).as("held to its share, used up in this window")
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.isLocalLimit()).isTrue());
            assertThat(endpoint.getBudgetRedisCalls()).as("Redis asked again").isGreaterThan(redisCalls);
            assertThat(endpoint.isBudgetFallbackActive()).isFalse();
            assertThat(endpoint.getBudgetFallbacks()).isEqualTo(1);
            List<?> keys = (List<?>) RespClient.call(redis.server().port(), "KEYS", "seedream:budget:*");
            assertThat(keys).as("the restarted Redis holds one window").hasSize(1);
            assertThat(RespClient.call(redis.server().port(), "ZCARD", String.valueOf(keys.get(0))))
                    .as("the share's grants, written to the restarted Redis").isEqualTo(fromShare);
            assertThat(emulator.stats().imagesGenerated()).isEqualTo(share);
        } finally {
            if (down) {
                redis.server().restart(); // for the other tests of the class
            }
        }
    }

    /** budgetRedisCluster: the URI names one node of a real 3-master Redis Cluster; the window is on its slot. */
    @Test
    void onARedisClusterTheBudgetLivesOnTheMasterOfItsSlot() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3)) {
            String key = "camel-cluster-" + System.nanoTime();
            SeedreamEndpoint endpoint = route("cluster", "seedream:generate?budgetRedisUri=" + cluster.master(2).uri()
                    + "&budgetRedisCluster=true&budgetKey=" + key + "&imagesPerMinute=1&budgetTimeout=2000"
                    + "&budgetRetryPause=2000&maxLimitWait=4000"); // a cold JVM's first cluster connect takes seconds

            assertThat(generate("cluster", "a lighthouse").getException()).isNull();
            assertThat(generate("cluster", "over the limit").getException())
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class,
                            e -> assertThat(e.isLocalLimit()).isTrue());

            String redisKey = "seedream:budget:{" + key + ":" + SeedreamClient.DEFAULT_MODEL + "}";
            assertThat(RedisCluster.keys(cluster.masterOf(redisKey), "seedream:budget:*")).containsExactly(redisKey);
            assertThat(endpoint.getBudgetGrants()).isEqualTo(1);
            assertThat(endpoint.getBudgetFallbacks()).as("Redis Cluster answered").isZero();
            assertThat(emulator.stats().requestsForPrompt("over the limit")).isZero();
        }
    }

    /** An exchange the template sent: its number, how it ended and how long it took. */
    private record Sent(int number, Exchange exchange, Duration took) {
    }

    /** Sends exchange {@code number} (a property) without waiting for it. */
    private CompletableFuture<Sent> send(String id, int number) {
        long start = System.nanoTime();
        return template.asyncSend("direct:" + id, e -> {
            e.setProperty("number", number);
            e.getIn().setBody("image " + number);
        }).thenApply(exchange -> new Sent(number, exchange, Duration.ofNanos(System.nanoTime() - start)));
    }

    /**
     * Each exchange either produced its image (and reached the mock, once) or failed with a local rate limit (and
     * did not): {@code images} of them produced.
     */
    private static void assertEachEndedOnce(List<Sent> sent, MockEndpoint produced, long images) {
        List<Integer> withImage = new ArrayList<>();
        for (Sent exchange : sent) {
            Exception failure = exchange.exchange().getException();
            if (failure == null) {
                assertThat(isJpeg(exchange.exchange().getMessage().getBody(byte[].class))).isTrue();
                withImage.add(exchange.number());
            } else {
                assertThat(failure).as("exchange %d", exchange.number()).isInstanceOfSatisfying(
                        SeedreamRateLimitException.class, e -> assertThat(e.isLocalLimit()).isTrue());
            }
        }
        assertThat(withImage).hasSize((int) images);
        assertThat(produced.getReceivedExchanges()).extracting(exchange -> exchange.getProperty("number"))
                .containsExactlyInAnyOrderElementsOf(withImage);
    }

    /**
     * Waits out the fallback's pause (10 s after the failed call; 15 s is a bound): the budget then asks Redis again
     * at the next call.
     */
    private static void awaitTheRetryPause(SeedreamEndpoint endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (endpoint.isBudgetFallbackActive()) {
            assertThat(System.nanoTime() - deadline).as("the retry pause is over within 15 s").isNegative();
            Thread.sleep(100);
        }
    }

    @Test
    void withFailTheExchangeFailsWithAnExceptionOnExceptionCatches() throws Exception {
        route("fail", sharedBudget("&budgetFallback=FAIL"));
        MockEndpoint unavailable = getMockEndpoint("mock:unavailable");
        unavailable.expectedBodiesReceived("during the outage");
        unavailable.message(0).exchangeProperty(Exchange.EXCEPTION_CAUGHT)
                .isInstanceOf(SeedreamBudgetUnavailableException.class);
        assertThat(generate("fail", "before the outage").getException()).isNull();

        redis.server().pause();
        try {
            Exchange result = generate("fail", "during the outage");

            assertThat(result.getException()).isNull();
            MockEndpoint.assertIsSatisfied(context);
            assertThat(emulator.stats().requestsForPrompt("during the outage")).as("no request sent").isZero();
        } finally {
            redis.server().resume();
        }
    }

    @Test
    void withoutTheRedisModuleTheEndpointFailsNamingTheArtifact() throws Exception {
        // What a class path without seedream-budget-redis looks like to Camel's class resolver.
        context.setClassResolver(new DefaultClassResolver(context) {
            @Override
            public Class<?> resolveClass(String name) {
                return name.startsWith("dev.seedream.budget.redis.") ? null : super.resolveClass(name);
            }
        });

        assertThatThrownBy(() -> route("missing", sharedBudget("")))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("budgetRedisUri is set, but dev.seedream:seedream-budget-redis is not on the"
                        + " class path");
    }

    @Test
    void aBudgetBeanAndBudgetRedisUriTogetherAreRefused() throws Exception {
        try (ImageBudget window = ImageBudget.slidingWindow(10, Duration.ofMinutes(1))) {
            context.getRegistry().bind("windowOfThisJvm", window);

            assertThatThrownBy(() -> route("both", sharedBudget("&imageBudget=#windowOfThisJvm")))
                    .rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Both imageBudget").hasMessageContaining("budgetRedisUri");
        }
    }

    @Test
    void theRedisPasswordAppearsInNoLogHeaderExceptionEndpointTextOrJmxAttribute() throws Exception {
        String password = "redis-pw-do-not-leak-5151";
        try (RedisServer guarded = RedisServer.start("--requirepass", password)) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            SeedreamEndpoint endpoint;
            Exchange granted;
            Exchange unavailable;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                endpoint = route("secret", "seedream:generate?budgetRedisUri=redis://:" + password + "@127.0.0.1:"
                        + guarded.port() + "&imagesPerMinute=10&budgetFallback=FAIL&budgetTimeout=300&maxRetries=0");
                granted = generate("secret", "an authenticated grant");
                guarded.kill();
                unavailable = template.request("direct:secret", e -> e.getIn().setBody("Redis is gone"));
            } finally {
                System.setErr(originalErr);
            }
            String logs = captured.toString(StandardCharsets.UTF_8);

            assertThat(granted.getException()).isNull();
            assertThat(endpoint.getBudgetGrants()).as("authenticated").isEqualTo(1);
            // The capture worked: our debug line and the budget's warning were logged, without the password.
            assertThat(logs).contains("Created SeedreamClient").contains("did not answer").doesNotContain(password);
            Exception caught = unavailable.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(caught).isInstanceOf(SeedreamBudgetUnavailableException.class);
            assertThat(caught.toString()).doesNotContain(password);
            for (Exchange exchange : new Exchange[] { granted, unavailable }) {
                assertThat(exchange.getMessage().getHeaders().values()).allSatisfy(value ->
                        assertThat(String.valueOf(value)).doesNotContain(password));
            }
            assertThat(endpoint.toString()).doesNotContain(password);
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(password);
            assertThat(endpoint.getBudget()).contains("127.0.0.1:" + guarded.port()).doesNotContain(password);
            assertThat(endpoint.getClient().toString()).doesNotContain(password);
        }
    }
}
