/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.junit.FreePorts;
import dev.seedream.emulator.junit.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget against a real redis-server on loopback; two budget objects stand for two nodes. */
class RedisImageBudgetTest {

    private static final String MODEL = "seedream-4-0-250828";
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }

    /** Each test's own server: some pause or kill it. */
    private final RedisServer redis = open(RedisServer.start());

    private <T extends AutoCloseable> T open(T resource) {
        opened.addFirst(resource); // closed in reverse order
        return resource;
    }

    private RedisImageBudget.Builder budget(int limit) {
        // A timeout well above a busy machine's pauses: only the outage tests want a fallback, and set a short one.
        return RedisImageBudget.builder().uri(redis.uri()).limit(limit, WINDOW)
                .timeout(Duration.ofSeconds(2)).budgetKey("test-" + System.nanoTime());
    }

    private static ImageBudget.Grant take(ImageBudget budget, int images, Duration maxWait) throws Exception {
        return budget.acquire(MODEL, images, maxWait).get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoNodesDrawOnOneWindow() throws Exception {
        RedisImageBudget.Builder shared = budget(4);
        RedisImageBudget first = open(shared.build());
        RedisImageBudget second = open(shared.build());

        take(first, 3, Duration.ofSeconds(1));
        long start = System.nanoTime();
        CompletableFuture<ImageBudget.Grant> waiting = second.acquire(MODEL, 2, Duration.ofSeconds(5));
        assertThat(waiting).as("only 1 of 4 left").isNotDone();
        assertThat(second.waiting()).isEqualTo(1);

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("granted when the first grant left the window")
                .isBetween(Duration.ofMillis(700), Duration.ofMillis(2_500));
        assertThat(first.metrics().grants()).isEqualTo(1);
        assertThat(second.metrics().grants()).isEqualTo(1);
        assertThat(second.metrics().waits()).isEqualTo(1);
        assertThat(second.metrics().fallbackActive()).isFalse();
    }

    @Test
    void aBacklogIsServedInOrderInAFewCallsAndAFullWindowIsNotAskedByEachNewcomer() throws Exception {
        RedisImageBudget budget = open(budget(60).limit(60, Duration.ofSeconds(30)).build());
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<ImageBudget.Grant>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int caller = i;
            calls.add(budget.acquire(MODEL, 1, Duration.ofMillis(1_500))
                    .whenComplete((grant, failure) -> order.add(failure == null ? caller : -1)));
        }
        CompletableFuture.allOf(calls.stream().map(call -> call.exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(order.stream().filter(caller -> caller >= 0).toList()).as("the first 60, in order")
                .isEqualTo(java.util.stream.IntStream.range(0, 60).boxed().toList());
        assertThat(order).as("20 refused after their wait").filteredOn(caller -> caller < 0).hasSize(20);
        // One call for the first caller, then a few for the backlog, then polls of the full window (at most one
        // per sixtieth of the window, 0.5 s here, not one per caller that arrived meanwhile).
        assertThat(budget.metrics().remoteCalls()).as("Redis calls for 80 callers").isLessThanOrEqualTo(8);
        assertThat(budget.metrics().grants()).isEqualTo(60);
        assertThat(budget.metrics().waits()).isEqualTo(20);
    }

    @Test
    void imagesGivenBackServeTheOtherNodeAtOnce() throws Exception {
        RedisImageBudget.Builder shared = budget(4);
        RedisImageBudget first = open(shared.build());
        RedisImageBudget second = open(shared.build());

        ImageBudget.Grant group = take(first, 4, Duration.ofSeconds(1));
        group.giveBack(3); // a group of four made one image

        take(second, 3, Duration.ofMillis(500));
        assertThatThrownBy(() -> take(second, 1, Duration.ofMillis(200)))
                .hasCauseInstanceOf(SeedreamRateLimitException.class);
    }

    @Test
    void eachModelHasItsOwnWindowAndALargeRequestIsCappedAtTheLimit() throws Exception {
        RedisImageBudget budget = open(budget(2).build());

        budget.acquire(MODEL, 15, Duration.ofMillis(500)).get(5, TimeUnit.SECONDS);
        budget.acquire("seedream-4-5-251128", 2, Duration.ofMillis(500)).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> budget.acquire(MODEL, 1, Duration.ofMillis(200)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SeedreamRateLimitException.class);
    }

    @Test
    void noCallerWaitsPastItsMaxWait() throws Exception {
        RedisImageBudget budget = open(budget(1).limit(1, Duration.ofSeconds(30)).build());
        take(budget, 1, Duration.ofSeconds(1));

        long start = System.nanoTime();
        assertThatThrownBy(() -> take(budget, 1, Duration.ofMillis(300)))
                .cause().isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> {
                    assertThat(e.isLocalLimit()).isTrue();
                    assertThat(e).hasMessageContaining("shared image budget");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the window's 30 s")
                .isLessThan(Duration.ofMillis(1_500));
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void closingTheBudgetEndsTheCallersStillWaiting() throws Exception {
        RedisImageBudget budget = budget(1).limit(1, Duration.ofSeconds(30)).build();
        take(budget, 1, Duration.ofSeconds(1));
        CompletableFuture<ImageBudget.Grant> waiting = budget.acquire(MODEL, 1, Duration.ofSeconds(20));

        budget.close();

        assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).as("failed at once, not after its 20 s")
                .cause().isInstanceOf(SeedreamBudgetUnavailableException.class).hasMessageContaining("closed");
        assertThat(budget.waiting()).isZero();
    }

    @Test
    void aHungRedisMeansALocalShareWithinTheTimeoutAndARejoinAfterThePause() throws Exception {
        RedisImageBudget budget = open(budget(10).nodes(2).timeout(Duration.ofMillis(200))
                .retryPause(Duration.ofMillis(800)).build());
        take(budget, 1, Duration.ofSeconds(1));

        redis.pause();
        long start = System.nanoTime();
        ImageBudget.Grant local = take(budget, 4, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the timeout, then the local share, not maxWait")
                .isLessThan(Duration.ofMillis(1_500));
        assertThat(budget.metrics().fallbackActive()).isTrue();
        assertThat(budget.metrics().fallbackGrants()).isEqualTo(1);
        assertThatThrownBy(() -> take(budget, 1, Duration.ofMillis(100)))
                .as("the share is 10 / 2 nodes = 5, with the image Redis granted before, used up")
                .hasCauseInstanceOf(SeedreamRateLimitException.class);
        local.giveBack(1);
        take(budget, 1, Duration.ofMillis(100));

        redis.resume();
        Thread.sleep(900);
        take(budget, 1, Duration.ofSeconds(1));
        assertThat(budget.metrics().grants()).as("back on Redis").isEqualTo(2);
        assertThat(budget.metrics().fallbackActive()).isFalse();
        assertThat(budget.metrics().fallbacks()).isEqualTo(1);
    }

    @Test
    void failFastReportsAnUnavailableBudgetAndARedisThatStartsLateIsJoined() throws Exception {
        redis.kill();
        RedisImageBudget budget = open(budget(10).fallback(RedisImageBudget.Fallback.FAIL)
                .timeout(Duration.ofMillis(200)).retryPause(Duration.ofMillis(500)).build());

        assertThatThrownBy(() -> take(budget, 1, Duration.ofSeconds(5)))
                .cause().isInstanceOfSatisfying(SeedreamBudgetUnavailableException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(SeedreamBudgetUnavailableException.CODE);
                });

        redis.restart();
        Thread.sleep(600);
        take(budget, 1, Duration.ofSeconds(2));
        assertThat(budget.metrics().grants()).isEqualTo(1);
    }

    @Test
    void thePasswordAppearsNowhere() throws Exception {
        RedisServer guarded = open(RedisServer.start("--requirepass", "s3cret-redis-pw"));
        RedisImageBudget budget = open(RedisImageBudget.builder()
                .uri("redis://:s3cret-redis-pw@127.0.0.1:" + guarded.port()).limit(5, WINDOW)
                .fallback(RedisImageBudget.Fallback.FAIL).timeout(Duration.ofMillis(300)).build());
        take(budget, 1, Duration.ofSeconds(1));
        assertThat(budget.metrics().grants()).as("authenticated").isEqualTo(1);

        guarded.kill();
        Throwable unavailable = budget.acquire(MODEL, 1, Duration.ofSeconds(2)).handle((grant, e) -> e)
                .get(5, TimeUnit.SECONDS);

        assertThat(unavailable).isInstanceOf(SeedreamBudgetUnavailableException.class);
        assertThat(unavailable.getMessage()).contains("redis://127.0.0.1:" + guarded.port())
                .doesNotContain("s3cret");
        assertThat(budget.toString()).contains("127.0.0.1").doesNotContain("s3cret");
    }

    @Test
    void theListenerHearsOfAnOutageOnceThoughRetriesFailAndOfTheRejoinOnce() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        RedisImageBudget budget = open(budget(10).timeout(Duration.ofMillis(200))
                .retryPause(Duration.ofMillis(300)).fallbackListener(new RedisImageBudget.FallbackListener() {
                    @Override
                    public void fallbackEntered(String reason) {
                        heard.add("entered: " + reason);
                    }

                    @Override
                    public void fallbackLeft(String reason) {
                        heard.add("left: " + reason);
                    }
                }).build());
        take(budget, 1, Duration.ofSeconds(1));

        redis.pause();
        take(budget, 1, Duration.ofSeconds(2));
        Thread.sleep(400); // past the pause: the next call asks Redis again, which is still away
        take(budget, 1, Duration.ofSeconds(2));
        assertThat(budget.metrics().fallbacks()).as("two fallbacks counted").isEqualTo(2);
        redis.resume();
        Thread.sleep(400);
        take(budget, 1, Duration.ofSeconds(2));

        assertThat(heard).hasSize(2);
        assertThat(heard.get(0)).startsWith("entered: ").contains("redis://127.0.0.1:" + redis.port())
                .contains("local share");
        assertThat(heard.get(1)).startsWith("left: ").contains("back on Redis");
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheBudget() throws Exception {
        redis.kill();
        RedisImageBudget budget = open(budget(10).timeout(Duration.ofMillis(200))
                .fallbackListener(new RedisImageBudget.FallbackListener() {
                    @Override
                    public void fallbackEntered(String reason) {
                        throw new IllegalStateException("listener bug");
                    }

                    @Override
                    public void fallbackLeft(String reason) {
                    }
                }).build());

        take(budget, 2, Duration.ofSeconds(2));
        assertThat(budget.metrics().fallbackGrants()).isEqualTo(1);
    }

    /** redis-server with TLS on a second port, its certificate self-signed for 127.0.0.1: a private CA. */
    @Test
    void aServerOfAPrivateCaIsTrustedThroughTheTrustManagerOnly(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("openssl").isTrue();
        int tlsPort = FreePorts.loopback();
        RedisServer tls = open(RedisServer.start("--tls-port", String.valueOf(tlsPort), "--tls-cert-file",
                cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", cert.toString(),
                "--tls-auth-clients", "no"));
        String uri = "rediss://127.0.0.1:" + tlsPort;

        // The JVM's first TLS handshake loads its classes: slower than the default timeout of 500 ms.
        RedisImageBudget trusting = open(budget(5).uri(uri).timeout(Duration.ofSeconds(10))
                .trustManager(trustManagerFor(cert).getTrustManagers()[0]).fallback(RedisImageBudget.Fallback.FAIL)
                .build());
        take(trusting, 1, Duration.ofSeconds(10));
        assertThat(trusting.metrics().grants()).as("granted over TLS").isEqualTo(1);

        RedisImageBudget jvmTrustStore = open(budget(5).uri(uri).fallback(RedisImageBudget.Fallback.FAIL)
                .build());
        assertThatThrownBy(() -> take(jvmTrustStore, 1, Duration.ofSeconds(2)))
                .as("the JVM's trust store does not know the private CA")
                .hasCauseInstanceOf(SeedreamBudgetUnavailableException.class);
    }

    private static TrustManagerFactory trustManagerFor(Path cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            store.setCertificateEntry("redis", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }
}
