/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamBudgetUnavailableException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One images-per-minute budget for every JVM of an account, kept on Redis: the client's sliding window (each
 * grant counted, in images, a {@linkplain Builder#margin margin} longer than the window) as a sorted set per budget
 * key and model, changed only by two Lua scripts that read the server's clock, so the nodes' clocks do not matter.
 * Keys are hash-tagged ({@code seedream:budget:{<key>:<model>}}), so on Redis Cluster each budget lives in one slot.
 *
 * <p>Within a JVM callers are served first come first served: one Redis call at a time per model asks for the
 * callers at the head of its queue, and Redis grants the longest run of them that fits. When the window is full,
 * the queue asks again once enough images leave it (by Redis's answer), or after a sixtieth of the window (1 s of
 * a minute) at the latest, so images other nodes give back are noticed soon; between JVMs the first to ask after
 * images leave gets them.
 *
 * <p>When Redis does not answer within the timeout the budget falls back — to a local share of the limit
 * (limit ÷ nodes) or, if so built, to failing each call at once with {@link SeedreamBudgetUnavailableException} —
 * and tries Redis again after a pause. The local share counts what this node was granted in the current window,
 * Redis's grants included, so an outage does not start with a fresh window on every node. When Redis answers again
 * the node writes the grants of its share into the shared window (at the times they were made), and keeps to its
 * share for one more window and margin, retry pause and timeout, while other nodes may still be granting from
 * theirs (an idle node never writes its share's grants). What overshoot is left: in the outage's first window, a
 * node may use its share in full while others had used more than theirs of that window on Redis. No caller waits
 * longer than its {@code maxWait}, or the timeout when that is longer (one Redis round trip is always allowed). The Redis URI may hold a password: it
 * appears in no message, log line or {@code toString}.
 */
public final class RedisImageBudget implements ImageBudget {

    /** What the budget does while Redis cannot be reached. */
    public enum Fallback {
        /**
         * Grant from a local share of limit ÷ nodes images per window, counting this node's grants of the window so
         * far: each node keeps working within its share.
         */
        LOCAL_SHARE,
        /** Fail each call at once with {@link SeedreamBudgetUnavailableException}. */
        FAIL
    }

    /**
     * Told when the budget leaves Redis for its fallback and when it is back, once per outage each (not for every
     * failed retry of a Redis that is still away): an adapter raises an operator's alert with it. Called on a
     * budget or Lettuce thread, so it must return quickly; what it throws is logged and ignored.
     */
    public interface FallbackListener {

        /** @param reason what happened and what the budget does now; names the address, never a password */
        void fallbackEntered(String reason);

        /** @param reason that Redis answers again; names the address */
        void fallbackLeft(String reason);
    }

    private final RedisLink redis;
    private final FallbackSwitch fallback;
    private final Duration connectTimeout;
    private final ScheduledExecutorService timer;
    private final BudgetContext context;
    private final Map<String, ModelQueue> queues = new ConcurrentHashMap<>();

    private RedisImageBudget(Builder builder) {
        Duration margin = builder.margin != null ? builder.margin : builder.window.dividedBy(60);
        Duration keep = builder.window.plus(margin);
        this.connectTimeout = builder.connectTimeout != null ? builder.connectTimeout : builder.timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "seedream-redis-budget");
            thread.setDaemon(true);
            return thread;
        });
        this.redis = new RedisLink(builder.uri, builder.cluster, connectTimeout, builder.timeout, builder.retryPause,
                builder.trustManager, builder.keyManager);
        // Held to the share after a rejoin until every other node's share grants have left the window, told or not.
        Duration shareAfterRejoin = builder.fallback == Fallback.LOCAL_SHARE
                ? keep.plus(builder.retryPause).plus(builder.timeout) : Duration.ZERO;
        this.fallback = new FallbackSwitch(redis.address(), builder.timeout, builder.retryPause, builder.fallback,
                builder.listener, shareAfterRejoin);
        this.context = new BudgetContext(builder.budgetKey, builder.limit, Math.max(1, builder.limit / builder.nodes),
                builder.window, keep.toNanos(), builder.timeout, builder.fallback == Fallback.FAIL, redis,
                new BudgetScripts(), fallback, timer, new BudgetCounters());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<Grant> acquire(String model, int images, Duration maxWait) {
        String name = model == null ? "default" : model;
        return queues.computeIfAbsent(name, ignored -> new ModelQueue(context, redisKey(name)))
                .acquire(images, maxWait);
    }

    @Override
    public int waiting() {
        return queues.values().stream().mapToInt(ModelQueue::size).sum();
    }

    /**
     * {@code grants} are Redis's, {@code fallbackGrants} the local share's, and the images of both are in
     * {@code imagesGranted}, less {@code imagesGivenBack} for those used; {@code waits} callers that found the window
     * full (either); {@code remoteCalls} the scripts run on Redis (acquire and give-back); {@code fallbacks} the
     * switches to the fallback (once per retry pause while Redis stays away, where the listener hears once per
     * outage); {@code fallbackActive} whether Redis is not being asked now because it was unreachable a moment ago.
     */
    @Override
    public Metrics metrics() {
        BudgetCounters counters = context.counters();
        return new Metrics(counters.grants.get(), counters.waits.get(), counters.redisCalls.get(),
                counters.fallbackGrants.get(), fallback.switches(), fallback.active(), counters.imagesGranted.get(),
                counters.imagesGivenBack.get());
    }

    /**
     * Sends PING over the budget's connection, opening it first when needed — a health check such as NiFi's
     * Verify. Completes with Redis's answer, or fails once the connect timeout and the timeout have passed. It
     * leaves the fallback state alone: only the budget's own calls switch it.
     */
    public CompletableFuture<String> ping() {
        return redis.commands().thenCompose(commands -> commands.ping().toCompletableFuture())
                .orTimeout(connectTimeout.plus(context.timeout()).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        queues.values().forEach(ModelQueue::close);
        timer.shutdownNow();
        redis.close();
    }

    /** The Redis address without credentials, the key and the limit. */
    @Override
    public String toString() {
        return "RedisImageBudget[" + redis.address() + ", key=" + context.budgetKey() + ", " + context.limit()
                + " images per " + context.window() + "]";
    }

    private String redisKey(String model) {
        return "seedream:budget:{" + context.budgetKey() + ":" + model + "}";
    }

    /** Settings; {@link #uri} and {@link #imagesPerMinute} (or {@link #limit}) are required. */
    public static final class Builder {
        private String uri;
        private String budgetKey = "seedream";
        private int limit;
        private Duration window = Duration.ofMinutes(1);
        private Duration margin;
        private Duration timeout = Duration.ofMillis(500);
        private Duration connectTimeout;
        private Duration retryPause = Duration.ofSeconds(10);
        private Fallback fallback = Fallback.LOCAL_SHARE;
        private int nodes = 1;
        private boolean cluster;
        private TrustManager trustManager;
        private KeyManager keyManager;
        private FallbackListener listener;

        private Builder() {
        }

        /**
         * {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://…} for TLS (verified against
         * the JVM's trust store). A secret when it holds a password.
         */
        public Builder uri(String uri) {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("Redis URI must not be blank");
            }
            this.uri = uri.trim();
            return this;
        }

        /**
         * Names the budget: every node of one account uses the same key (and each model gets its own window).
         * Default {@code seedream}.
         */
        public Builder budgetKey(String key) {
            if (key == null || key.isBlank() || key.contains("{") || key.contains("}")) {
                throw new IllegalArgumentException("budgetKey must be non-blank text without braces, got " + key);
            }
            this.budgetKey = key.trim();
            return this;
        }

        /**
         * The whole account's limit per model and minute, all nodes together (the provider's default is 500):
         * {@code limit(images, Duration.ofMinutes(1))}.
         */
        public Builder imagesPerMinute(int images) {
            return limit(images, Duration.ofMinutes(1));
        }

        /**
         * The whole account's limit per model, all nodes together, over a window other than the provider's minute
         * (a shortened one for tests, or a lower limit agreed for longer periods).
         */
        public Builder limit(int images, Duration window) {
            if (images < 1) {
                throw new IllegalArgumentException("the limit must be >= 1 image, got " + images);
            }
            this.limit = images;
            this.window = requirePositive(window, "window");
            return this;
        }

        /**
         * How much longer than the window a grant counts: the provider starts counting when a request arrives, a
         * little after its grant — much later for the first request of a new JVM — and must not still count it
         * when the next grant goes out. Default a sixtieth of the window (1 s of a minute); a shortened test window
         * needs relatively more.
         */
        public Builder margin(Duration margin) {
            this.margin = requirePositive(margin, "margin");
            return this;
        }

        /** How long a Redis call may take before the budget falls back; default 500 ms. */
        public Builder timeout(Duration timeout) {
            this.timeout = requirePositive(timeout, "timeout");
            return this;
        }

        /**
         * How long opening a connection (TCP, and the TLS handshake for {@code rediss://}) may take; default the
         * {@linkplain #timeout timeout}. A health check may allow more: a JVM's first TLS handshake loads classes.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long the budget stays in fallback before it asks Redis again; default 10 s. */
        public Builder retryPause(Duration pause) {
            this.retryPause = requirePositive(pause, "retryPause");
            return this;
        }

        /** What happens while Redis cannot be reached; default {@link Fallback#LOCAL_SHARE}. */
        public Builder fallback(Fallback fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        /** Nodes sharing the budget, for the local share (limit ÷ nodes) while Redis is away; default 1. */
        public Builder nodes(int nodes) {
            if (nodes < 1) {
                throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
            }
            this.nodes = nodes;
            return this;
        }

        /** Whether the URI names a node of a Redis Cluster; default false. */
        public Builder cluster(boolean cluster) {
            this.cluster = cluster;
            return this;
        }

        /**
         * Trusts the server's certificate with this trust manager instead of the JVM's trust store, for a
         * {@code rediss://} URI (a private CA, as a NiFi SSL Context Service gives). The host name is still verified.
         */
        public Builder trustManager(TrustManager trustManager) {
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /** Presents this client certificate to a {@code rediss://} server that asks for one (mutual TLS). */
        public Builder keyManager(KeyManager keyManager) {
            this.keyManager = Objects.requireNonNull(keyManager, "keyManager");
            return this;
        }

        /** Told when the budget falls back and when it rejoins Redis; default none (it logs either way). */
        public Builder fallbackListener(FallbackListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Connects in the background: a Redis that is down at start means fallback, not a failed build. */
        public RedisImageBudget build() {
            if (uri == null) {
                throw new IllegalStateException("RedisImageBudget needs a uri");
            }
            if (limit < 1) {
                throw new IllegalStateException("RedisImageBudget needs imagesPerMinute (or limit)");
            }
            return new RedisImageBudget(this);
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
            return value;
        }
    }
}
