/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real Redis Cluster for tests: {@code masters} {@link RedisServer}s in cluster mode on free loopback ports (client
 * and cluster-bus port each), without replicas, the 16384 slots split into equal ranges in node order, every node
 * stopped by its PID on close and the cluster's config files (in a temporary directory) deleted. Started only once
 * every node reports {@code cluster_state:ok}. No {@code redis-cli} needed: the set-up commands go over
 * {@link RespClient}.
 *
 * <p>A node can be paused, killed and restarted through {@link #master(int)}; restarted, it reads its config file
 * again and rejoins with its slots, empty ({@link #awaitHealthy()}).
 */
public final class RedisCluster implements AutoCloseable {

    /** The slots of every Redis Cluster. */
    public static final int SLOTS = 16384;

    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final Path configDir;
    private final List<RedisServer> masters = new ArrayList<>();
    private final List<Integer> busPorts = new ArrayList<>();

    private RedisCluster(Path configDir) {
        this.configDir = configDir;
    }

    /**
     * Starts {@code masters} nodes, assigns each its range of slots, introduces them to each other and waits until
     * the cluster is whole. {@code options} go to every node after the cluster options, so they may override them
     * (e.g. {@code "--cluster-require-full-coverage", "no"} or another {@code --cluster-node-timeout} than 2 s).
     */
    public static RedisCluster start(int masters, String... options) {
        if (masters < 1) {
            throw new IllegalArgumentException("a cluster needs at least one master, got " + masters);
        }
        RedisCluster cluster;
        try {
            cluster = new RedisCluster(Files.createTempDirectory("redis-cluster-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            cluster.launch(masters, List.of(options));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The masters in slot order: master {@code i} holds the {@code i}-th range ({@link #masterIndexOf}). */
    public List<RedisServer> masters() {
        return List.copyOf(masters);
    }

    public RedisServer master(int index) {
        return masters.get(index);
    }

    /** The slot of {@code key}, as {@code CLUSTER KEYSLOT} on the first node that answers says. */
    public int slot(String key) {
        RuntimeException last = null;
        for (RedisServer node : masters) {
            try {
                return Math.toIntExact((Long) RespClient.call(node.port(), "CLUSTER", "KEYSLOT", key));
            } catch (UncheckedIOException e) { // killed or paused: ask the next one
                last = e;
            }
        }
        throw last;
    }

    /** The index of the master whose slot range holds {@code key}. */
    public int masterIndexOf(String key) {
        int slot = slot(key);
        for (int i = 0; i < masters.size(); i++) {
            if (slot <= lastSlot(i)) {
                return i;
            }
        }
        throw new IllegalStateException("slot " + slot + " is in no range"); // cannot be: the ranges cover 0..16383
    }

    /** The master that holds {@code key}. */
    public RedisServer masterOf(String key) {
        return masters.get(masterIndexOf(key));
    }

    /** The keys {@code node} holds that match {@code pattern} ({@code KEYS}), sorted. */
    public static List<String> keys(RedisServer node, String pattern) {
        @SuppressWarnings("unchecked")
        List<Object> keys = (List<Object>) RespClient.call(node.port(), "KEYS", pattern);
        return keys.stream().map(String.class::cast).sorted().toList();
    }

    /**
     * Waits until every node reports {@code cluster_state:ok}, knows all masters with every slot assigned, and flags
     * none as failing: the state after {@link #start}, and again after a killed node was restarted.
     */
    public void awaitHealthy() {
        awaitEveryNode(masters, "the cluster to be whole", port -> {
            String info = RespClient.text(port, "CLUSTER", "INFO");
            return info.contains("cluster_state:ok\r") && info.contains("cluster_known_nodes:" + masters.size() + "\r")
                    && info.contains("cluster_slots_assigned:" + SLOTS + "\r")
                    && RespClient.text(port, "CLUSTER", "NODES").lines()
                    .noneMatch(line -> flags(line).contains("fail") || flags(line).contains("fail?"));
        });
    }

    /** Waits until every other node flags {@code node} (killed or paused) as failed: the cluster has noticed. */
    public void awaitFailed(RedisServer node) {
        List<RedisServer> others = masters.stream().filter(other -> other != node).toList();
        awaitEveryNode(others, "the others to flag the node on port " + node.port() + " as failed", port ->
                RespClient.text(port, "CLUSTER", "NODES").lines()
                        .filter(line -> line.split(" ")[1].startsWith("127.0.0.1:" + node.port() + "@"))
                        .anyMatch(line -> flags(line).contains("fail")));
    }

    /** The flags of a {@code CLUSTER NODES} line: {@code <id> <ip:port@bus> <flags> ...}, e.g. myself,master. */
    private static List<String> flags(String line) {
        return Arrays.asList(line.split(" ")[2].split(","));
    }

    /** Where the nodes' config files are, until {@link #close()}. */
    Path configDir() {
        return configDir;
    }

    /** Stops every node by its PID and deletes the config files. */
    @Override
    public void close() {
        masters.forEach(RedisServer::close);
        try (Stream<Path> files = Files.walk(configDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the cluster's config files in " + configDir, e);
        }
    }

    private void launch(int count, List<String> options) {
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int port = freePort(taken);
            int busPort = freePort(taken);
            List<String> nodeOptions = new ArrayList<>(List.of("--cluster-enabled", "yes",
                    "--cluster-config-file", configDir.resolve("nodes-" + port + ".conf").toString(),
                    "--cluster-port", String.valueOf(busPort),
                    "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT.toMillis()),
                    "--cluster-announce-ip", "127.0.0.1"));
            nodeOptions.addAll(options);
            masters.add(RedisServer.start(port, nodeOptions));
            busPorts.add(busPort);
        }
        for (int i = 0; i < count; i++) {
            expectOk(RespClient.call(masters.get(i).port(), "CLUSTER", "ADDSLOTSRANGE",
                    String.valueOf(firstSlot(i)), String.valueOf(lastSlot(i))));
        }
        for (int i = 1; i < count; i++) {
            expectOk(RespClient.call(masters.get(0).port(), "CLUSTER", "MEET", "127.0.0.1",
                    String.valueOf(masters.get(i).port()), String.valueOf(busPorts.get(i))));
        }
        awaitHealthy();
    }

    private int firstSlot(int index) {
        return index * SLOTS / masters.size();
    }

    private int lastSlot(int index) {
        return (index + 1) * SLOTS / masters.size() - 1;
    }

    /** A free loopback port not yet given to this cluster (the OS may hand out a port twice while none is bound). */
    private static int freePort(Set<Integer> taken) {
        int port;
        do {
            port = FreePorts.loopback();
        } while (!taken.add(port));
        return port;
    }

    private static void expectOk(Object reply) {
        if (!"OK".equals(reply)) {
            throw new IllegalStateException("expected OK, got " + reply);
        }
    }

    /** A node that is still starting (or not back yet) is not ready either. */
    private static boolean answersReady(Predicate<Integer> ready, RedisServer node) {
        try {
            return ready.test(node.port());
        } catch (UncheckedIOException | RespClient.ErrorReply notYet) {
            return false;
        }
    }

    private static void awaitEveryNode(List<RedisServer> nodes, String what, Predicate<Integer> ready) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        List<String> last = List.of();
        while (System.nanoTime() - deadline < 0) {
            last = nodes.stream().filter(node -> !answersReady(ready, node))
                    .map(node -> "127.0.0.1:" + node.port()).toList();
            if (last.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("waited " + SETTLE_TIMEOUT.toSeconds() + " s for " + what + "; not ready: "
                + last);
    }
}
