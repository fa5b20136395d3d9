/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The record itself: copies, secrets and the way back to a builder. */
class EmulatorConfigTest {

    private static final EmulatorConfig FULL = EmulatorConfig.builder().host("127.0.0.2").port(8090)
            .tlsKeyStore(Path.of("keys.p12"), "store-secret").apiKeys("key-a", "key-b")
            .latency(Latency.parse("fixed:1s"))
            .imagesPerMinute(7).rateWindow(Duration.ofSeconds(10)).maxInFlight(3).urlExpiry(Duration.ofMinutes(5))
            .contentPolicyTrigger("nope").outputPolicyTrigger("nah").noise(0.5).jpegQuality(0.7f).cacheBytes(1 << 20)
            .ioThreads(3).renderThreads(4).sseCutAfter(2).faultSeed(9).faultRate(Fault.HTTP_500, 0.25)
            .endpoint("ep-x", Http.MODEL_45).notOpenModels(Http.MODEL_40).sseCompletion(SseCompletion.DONE_ONLY)
            .retryAfterOn429(true).build();

    @Test
    void toBuilderGivesBackEverySetting() {
        EmulatorConfig defaults = EmulatorConfig.defaults();
        assertThat(FULL.toBuilder().build()).isEqualTo(FULL).isNotEqualTo(FULL.toBuilder().port(8091).build());
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
    }

    @Test
    void toStringHidesTheKeysAndTheKeyStorePassword() {
        assertThat(FULL.toString()).contains("host=127.0.0.2", "port=8090", "imagesPerMinute=7", "apiKeys=***",
                "tlsKeyStorePassword=***").doesNotContain("key-a", "key-b", "store-secret");
    }

    @Test
    void collectionsAreUnmodifiableCopies() {
        Set<String> keys = new HashSet<>(Set.of("k"));
        Map<String, String> endpoints = new HashMap<>(Map.of("ep-y", Http.MODEL_45));
        EmulatorConfig direct = new EmulatorConfig("127.0.0.1", 0, null, null, keys, Latency.none(), 0,
                Duration.ofMinutes(1), 0, Duration.ofHours(1), "a", "b", 0, 1, 0, 1, 1, 0, null, Map.of(), endpoints,
                Set.of(), SseCompletion.NONE, false);
        keys.add("later");
        endpoints.clear();

        assertThat(direct.apiKeys()).containsExactly("k");
        assertThat(direct.endpoints()).containsOnlyKeys("ep-y");
        assertThatThrownBy(() -> FULL.apiKeys().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> FULL.faultRates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> FULL.notOpenModels().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new EmulatorConfig("h", 0, Path.of("keys.p12"), null, keys, Latency.none(), 0,
                Duration.ofMinutes(1), 0, Duration.ofHours(1), "a", "b", 0, 1, 0, 1, 1, 0, null, Map.of(), Map.of(),
                Set.of(), SseCompletion.NONE, false)).hasMessageContaining("both a key store and its password");
    }
}
