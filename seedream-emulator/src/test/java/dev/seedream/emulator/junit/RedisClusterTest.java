/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test support's Redis Cluster: three masters of real redis-servers, each serving its range of slots. */
class RedisClusterTest {

    @Test
    void eachMasterServesItsSlotsRedirectsTheOthersAndARestartedOneRejoinsEmpty() {
        Path configDir;
        List<RedisServer> masters;
        try (RedisCluster cluster = RedisCluster.start(3)) {
            configDir = cluster.configDir();
            masters = cluster.masters();
            assertThat(masters).hasSize(3).extracting(RedisServer::port).doesNotHaveDuplicates();
            assertThat(configDir.resolve("nodes-" + masters.get(0).port() + ".conf")).isRegularFile();

            List<String> onePerMaster = onePerMaster(cluster);
            for (int i = 0; i < 3; i++) {
                String key = onePerMaster.get(i);
                int slot = cluster.slot(key);
                assertThat(slot).isBetween(i * RedisCluster.SLOTS / 3, (i + 1) * RedisCluster.SLOTS / 3 - 1);
                assertThat(RespClient.call(masters.get(i).port(), "SET", key, "v" + i)).isEqualTo("OK");
                RedisServer other = masters.get((i + 1) % 3);
                assertThatThrownBy(() -> RespClient.call(other.port(), "GET", key))
                        .isInstanceOf(RespClient.ErrorReply.class)
                        .hasMessage("MOVED " + slot + " 127.0.0.1:" + masters.get(i).port());
                assertThat(RedisCluster.keys(masters.get(i), "*")).containsExactly(key);
            }

            RedisServer killed = masters.get(1);
            killed.kill();
            cluster.awaitFailed(killed);
            killed.restart();
            cluster.awaitHealthy();

            assertThat(RespClient.call(killed.port(), "DBSIZE")).as("no persistence").isEqualTo(0L);
            assertThat(RespClient.call(killed.port(), "SET", onePerMaster.get(1), "again")).isEqualTo("OK");
            assertThat(RespClient.call(masters.get(0).port(), "GET", onePerMaster.get(0))).isEqualTo("v0");
        }

        assertThat(configDir).doesNotExist();
        for (RedisServer master : masters) {
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), master.port()).close())
                    .as("stopped").isInstanceOf(IOException.class);
        }
    }

    /** Keys k0, k1, … taken in turn until each master has one: its index is the master's. */
    private static List<String> onePerMaster(RedisCluster cluster) {
        List<String> keys = new ArrayList<>(List.of("", "", ""));
        for (int n = 0; keys.contains(""); n++) {
            String key = "k" + n;
            int master = cluster.masterIndexOf(key);
            if (keys.get(master).isEmpty()) {
                keys.set(master, key);
            }
        }
        return keys;
    }
}
