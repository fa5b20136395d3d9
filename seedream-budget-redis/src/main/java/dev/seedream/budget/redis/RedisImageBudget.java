package dev.seedream.budget.redis;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * (limit ÷ nodes) or, if so built, to failing each call with {@link SeedreamBudgetUnavailableException} — and
 * tries Redis again after a pause. No caller waits longer than its {@code maxWait}. The Redis URI may hold a
 * password: it appears in no message, log line or {@code toString}.
 */
public final class RedisImageBudget implements ImageBudget {

    /** What the budget does while Redis cannot be reached. */
    public enum Fallback {
        /** Grant from a local window of limit ÷ nodes images: each node keeps working within its share. */
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

    private static final Logger LOG = LoggerFactory.getLogger(RedisImageBudget.class);
    /** Waiters one acquire call asks for: a backlog is served in a few calls, and a call's arguments stay small. */
    private static final int ASKS_PER_CALL = 64;

    private final String budgetKey;
    private final int limit;
    private final Duration window;
    private final long keepMicros;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final ImageBudget localShare;
    private final RedisLink redis;
    private final FallbackSwitch fallback;
    private final BudgetScripts scripts = new BudgetScripts();
    private final ScheduledExecutorService timer;
    private final Map<String, ModelQueue> queues = new ConcurrentHashMap<>();

    private final AtomicLong grants = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong redisCalls = new AtomicLong();
    private final AtomicLong fallbackGrants = new AtomicLong();

    private RedisImageBudget(Builder builder) {
        this.budgetKey = builder.budgetKey;
        this.limit = builder.imagesPerMinute;
        this.window = builder.window;
        Duration margin = builder.margin != null ? builder.margin : window.dividedBy(60);
        this.keepMicros = TimeUnit.NANOSECONDS.toMicros(window.plus(margin).toNanos());
        this.timeout = builder.timeout;
        this.connectTimeout = builder.connectTimeout != null ? builder.connectTimeout : builder.timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "seedream-redis-budget");
            thread.setDaemon(true);
            return thread;
        });
        this.localShare = builder.fallback == Fallback.LOCAL_SHARE
                ? ImageBudget.slidingWindow(Math.max(1, limit / builder.nodes), window, timer) : null;
        this.redis = new RedisLink(builder.uri, builder.cluster, connectTimeout, timeout, builder.retryPause,
                builder.trustManager, builder.keyManager);
        this.fallback = new FallbackSwitch(redis.address(), timeout, builder.retryPause, builder.fallback,
                builder.listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<Grant> acquire(String model, int images, Duration maxWait) {
        Waiter waiter = new Waiter(Math.max(1, Math.min(images, limit)), System.nanoTime() + maxWait.toNanos());
        if (fallback.active()) {
            serveLocally(waiter, model);
            return waiter.future;
        }
        ModelQueue queue = queues.computeIfAbsent(model == null ? "default" : model, ModelQueue::new);
        waiter.expiry = timer.schedule(() -> queue.expire(waiter, maxWait), maxWait.toNanos(), TimeUnit.NANOSECONDS);
        queue.add(waiter);
        return waiter.future;
    }

    @Override
    public int waiting() {
        return queues.values().stream().mapToInt(ModelQueue::size).sum()
                + (localShare == null ? 0 : localShare.waiting());
    }

    /**
     * {@code grants} and {@code waits} are Redis's; {@code remoteCalls} the scripts run on it (acquire and give-back);
     * {@code fallbackGrants} the local share's; {@code fallbacks} the switches to the fallback (once per retry pause
     * while Redis stays away, where the listener hears once per outage); {@code fallbackActive} whether Redis
     * is not being asked now because it was unreachable a moment ago.
     */
    @Override
    public Metrics metrics() {
        return new Metrics(grants.get(), waits.get(), redisCalls.get(), fallbackGrants.get(), fallback.switches(),
                fallback.active());
    }

    /**
     * Sends PING over the budget's connection, opening it first when needed — a health check such as NiFi's
     * Verify. Completes with Redis's answer, or fails once the connect timeout and the timeout have passed. It
     * leaves the fallback state alone: only the budget's own calls switch it.
     */
    public CompletableFuture<String> ping() {
        return redis.commands().thenCompose(commands -> commands.ping().toCompletableFuture())
                .orTimeout(connectTimeout.plus(timeout).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (localShare != null) {
            localShare.close();
        }
        redis.close();
    }

    /** The Redis address without credentials, the key and the limit. */
    @Override
    public String toString() {
        return "RedisImageBudget[" + redis.address() + ", key=" + budgetKey + ", " + limit + " images per " + window
                + "]";
    }

    private String redisKey(String model) {
        return "seedream:budget:{" + budgetKey + ":" + model + "}";
    }

    private void serveLocally(Waiter waiter, String model) {
        if (localShare == null) {
            waiter.fail(new SeedreamBudgetUnavailableException("The shared image budget at " + redis.address()
                    + " failed or did not answer within " + timeout.toMillis() + " ms; no request was sent", null));
            return;
        }
        Duration left = Duration.ofNanos(Math.max(0, waiter.deadline - System.nanoTime()));
        localShare.acquire(model, waiter.images, left).whenComplete((grant, failure) -> {
            if (failure != null) {
                waiter.fail(SeedreamException.unwrap(failure));
            } else {
                hand(waiter, grant, fallbackGrants);
            }
        });
    }

    /** Counted before the caller hears of it; a caller that gave up meanwhile does not lose the images. */
    private static void hand(Waiter waiter, Grant grant, AtomicLong counter) {
        counter.incrementAndGet();
        if (!waiter.grant(grant)) {
            counter.decrementAndGet();
            grant.giveBack(waiter.images);
        }
    }

    /** Callers of one model, first come first served; only the head asks Redis. */
    private final class ModelQueue {
        private final String model;
        private final String key;
        private final Deque<Waiter> waiters = new ArrayDeque<>();
        private boolean asking;
        /** System.nanoTime() before which Redis said the window is full; 0 when it may have room. */
        private long fullUntil;

        ModelQueue(String model) {
            this.model = model;
            this.key = redisKey(model);
        }

        synchronized int size() {
            return waiters.size();
        }

        void add(Waiter waiter) {
            boolean full;
            synchronized (this) {
                waiters.addLast(waiter);
                full = windowFull();
            }
            if (full && waiter.countWait()) { // it waits for the poll: the window is full, Redis said so
                waits.incrementAndGet();
            }
            ask();
        }

        /** Called with the lock held. */
        private boolean windowFull() {
            return fullUntil != 0 && System.nanoTime() - fullUntil < 0;
        }

        void expire(Waiter waiter, Duration maxWait) {
            synchronized (this) {
                waiters.remove(waiter);
            }
            waiter.fail(SeedreamRateLimitException.localLimit("Waited " + maxWait.toMillis()
                    + " ms for the shared image budget (" + limit + " images per " + window + ", key " + budgetKey
                    + ") without getting it"));
        }

        /**
         * Runs the acquire script for the waiters at the head (up to {@link #ASKS_PER_CALL}; Redis grants the longest
         * run of them that fits), unless a call is out already.
         */
        private void ask() {
            List<Waiter> heads;
            synchronized (this) {
                if (asking || waiters.isEmpty() || windowFull()) {
                    return;
                }
                fullUntil = 0;
                heads = waiters.stream().limit(ASKS_PER_CALL).toList();
                asking = true;
            }
            if (fallback.active()) {
                drainToFallback();
                return;
            }
            List<BudgetScripts.Ask> asks = heads.stream()
                    .map(waiter -> new BudgetScripts.Ask(UUID.randomUUID().toString(), waiter.images)).toList();
            redisCalls.incrementAndGet();
            redis.commands().thenCompose(commands -> scripts.acquire(commands, key, limit, keepMicros, asks))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((reply, failure) -> {
                        if (failure != null) {
                            fallback.redisFailed(failure);
                            drainToFallback();
                            return;
                        }
                        fallback.redisAnswered();
                        List<Waiter> served = heads.subList(0, reply.granted());
                        long poll = Math.min(TimeUnit.MICROSECONDS.toNanos(Math.max(1, reply.waitMicros())),
                                window.toNanos() / 60);
                        long newWaits = 0;
                        synchronized (this) {
                            waiters.removeAll(served);
                            asking = false;
                            if (reply.granted() < heads.size()) { // all left wait for the poll, newcomers too
                                fullUntil = System.nanoTime() + poll;
                                newWaits = waiters.stream().filter(Waiter::countWait).count();
                            }
                        }
                        waits.addAndGet(newWaits);
                        for (int i = 0; i < served.size(); i++) {
                            BudgetScripts.Ask ask = asks.get(i);
                            hand(served.get(i), new RedisGrant(this, ask.grantId() + ":" + ask.images()), grants);
                        }
                        if (reply.granted() < heads.size()) {
                            retryLater(heads.subList(reply.granted(), heads.size()), poll);
                        } else {
                            ask();
                        }
                    });
        }

        /**
         * The window is full: ask again when enough images leave it — by then at the latest, so a long wait still
         * notices images other nodes gave back.
         */
        private void retryLater(List<Waiter> unserved, long pollNanos) {
            try {
                timer.schedule(this::askAgain, Math.max(TimeUnit.MILLISECONDS.toNanos(1), pollNanos),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                unserved.forEach(waiter -> waiter.fail(new SeedreamBudgetUnavailableException(
                        "The image budget is closed", null)));
            }
        }

        private void askAgain() {
            synchronized (this) {
                fullUntil = 0;
            }
            ask();
        }

        private void drainToFallback() {
            List<Waiter> moved;
            synchronized (this) {
                moved = new ArrayList<>(waiters);
                waiters.clear();
                asking = false;
            }
            moved.forEach(waiter -> serveLocally(waiter, model));
        }
    }

    /** Images granted by Redis: unused ones go back to the same grant, and this JVM's waiters may take them. */
    private final class RedisGrant implements Grant {
        private final ModelQueue queue;
        private final String member;

        RedisGrant(ModelQueue queue, String member) {
            this.queue = queue;
            this.member = member;
        }

        @Override
        public void giveBack(int images) {
            if (images <= 0) {
                return;
            }
            redisCalls.incrementAndGet();
            // Best effort: if Redis cannot take them back, they leave the window with the grant.
            redis.commands().thenCompose(commands -> scripts.giveBack(commands, queue.key, member, images))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            LOG.debug("Could not give {} images back to the shared budget: {}", images,
                                    failure.toString());
                        } else {
                            queue.askAgain();
                        }
                    });
        }
    }

    private static final class Waiter {
        final int images;
        final long deadline;
        final CompletableFuture<Grant> future = new CompletableFuture<>();
        final AtomicBoolean waited = new AtomicBoolean();
        volatile ScheduledFuture<?> expiry;

        Waiter(int images, long deadline) {
            this.images = images;
            this.deadline = deadline;
        }

        /** @return false when the caller is gone (timed out) and the grant must go back */
        boolean grant(Grant grant) {
            cancelExpiry();
            return future.complete(grant);
        }

        void fail(Throwable failure) {
            cancelExpiry();
            future.completeExceptionally(failure);
        }

        /** @return true the first time this waiter finds the window full */
        boolean countWait() {
            return waited.compareAndSet(false, true);
        }

        private void cancelExpiry() {
            ScheduledFuture<?> scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** Settings; {@link #uri} and {@link #imagesPerMinute} are required. */
    public static final class Builder {
        private String uri;
        private String budgetKey = "seedream";
        private int imagesPerMinute;
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

        /** The whole account's limit per model, all nodes together (the provider's default is 500). */
        public Builder imagesPerMinute(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("imagesPerMinute must be >= 1, got " + limit);
            }
            this.imagesPerMinute = limit;
            return this;
        }

        /** The window the limit applies to; default one minute (shorter ones are for tests). */
        public Builder window(Duration window) {
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
            if (imagesPerMinute < 1) {
                throw new IllegalStateException("RedisImageBudget needs imagesPerMinute");
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
