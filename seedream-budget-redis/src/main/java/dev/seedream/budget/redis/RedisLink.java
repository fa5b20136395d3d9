/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The budget's one connection to Redis (a server, or a cluster through one of its nodes) on Lettuce's async API:
 * opened in the background, opened again on the next call once an attempt has failed, and named in messages by
 * its address only. On a single server commands are rejected, not queued, while it is disconnected: the fallback,
 * not a growing queue, carries the load.
 */
final class RedisLink implements AutoCloseable {

    /** How often a cluster's topology is read again besides the adaptive triggers (MOVED, reconnects). */
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    private final String address;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final Supplier<CompletableFuture<RedisClusterAsyncCommands<String, String>>> connect;
    /** The connection, or its attempt; replaced by a new attempt once one has failed. */
    private final AtomicReference<CompletableFuture<RedisClusterAsyncCommands<String, String>>> current =
            new AtomicReference<>();

    /**
     * @param reconnectCap the longest pause between Lettuce's reconnect attempts once a connection has dropped:
     *                     its default grows to 30 s, so a Redis back after a long outage would be noticed that late
     */
    RedisLink(String uriText, boolean cluster, Duration connectTimeout, Duration commandTimeout, Duration reconnectCap,
              TrustManager trustManager, KeyManager keyManager) {
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), reconnectCap, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(uriText);
        uri.setTimeout(commandTimeout);
        this.address = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort();
        SocketOptions socket = SocketOptions.builder().connectTimeout(connectTimeout).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
        SslOptions ssl = sslOptions(trustManager, keyManager);
        if (cluster) {
            RedisClusterClient clusterClient = RedisClusterClient.create(resources, uri);
            // Lettuce opens a master's connection on the first command routed to it: rejecting commands while it
            // is being opened would send every budget to its fallback at its first call. Accepted ones are still
            // bounded by the command timeout. The topology follows failovers and moved slots.
            clusterClient.setOptions(ClusterClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                    .sslOptions(ssl).disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH).enableAllAdaptiveRefreshTriggers().build())
                    .build());
            this.client = clusterClient;
            // connectAsync needs the topology loaded first ("Partitions not initialized" otherwise).
            this.connect = () -> clusterClient.refreshPartitionsAsync().toCompletableFuture()
                    .thenCompose(loaded -> clusterClient.connectAsync(StringCodec.UTF8))
                    .thenApply(connection -> connection.async());
        } else {
            RedisClient single = RedisClient.create(resources);
            single.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                    .sslOptions(ssl).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            this.client = single;
            this.connect = () -> single.connectAsync(StringCodec.UTF8, uri).toCompletableFuture()
                    .thenApply(connection -> connection.async());
        }
        current.set(connect.get());
    }

    /** {@code redis://host:port} or {@code rediss://host:port}, without credentials. */
    String address() {
        return address;
    }

    /** The connection; a failed attempt (Redis down at start, or since) is followed by a new one here. */
    CompletableFuture<RedisClusterAsyncCommands<String, String>> commands() {
        CompletableFuture<RedisClusterAsyncCommands<String, String>> attempt = current.get();
        if (attempt.isCompletedExceptionally()) {
            CompletableFuture<RedisClusterAsyncCommands<String, String>> next = connect.get();
            return current.compareAndSet(attempt, next) ? next : current.get();
        }
        return attempt;
    }

    @Override
    public void close() {
        // Resources given to a client are not its to stop: they go after it.
        client.shutdownAsync(0, 2, TimeUnit.SECONDS).whenComplete((done, failure) ->
                resources.shutdown(0, 2, TimeUnit.SECONDS));
    }

    /** The JVM's trust store, or the given managers (a private CA, a client certificate). */
    private static SslOptions sslOptions(TrustManager trustManager, KeyManager keyManager) {
        if (trustManager == null && keyManager == null) {
            return SslOptions.create();
        }
        return SslOptions.builder().jdkSslProvider().sslContext(context -> {
            if (trustManager != null) {
                context.trustManager(trustManager);
            }
            if (keyManager != null) {
                context.keyManager(keyManager);
            }
        }).build();
    }
}
