/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Latency distributions and their spec syntax (shared by the CLI and the admin API). */
class LatencyTest {

    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void fixedAndNoneAreConstant() {
        assertThat(Latency.parse("fixed:1.5s").sample(random)).isEqualTo(Duration.ofMillis(1500));
        assertThat(Latency.parse("none").sample(random)).isZero();
    }

    @Test
    void uniformStaysWithinBounds() {
        Latency latency = Latency.parse("uniform:500ms-2s");
        for (int i = 0; i < 1000; i++) {
            assertThat(latency.sample(random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(2));
        }
    }

    @Test
    void longTailHasTheMedianAndATail() {
        Latency latency = Latency.parse("longtail:1s");
        long[] millis = new long[10_001];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = latency.sample(random).toMillis();
        }
        Arrays.sort(millis);
        assertThat(millis[5_000]).isBetween(900L, 1_100L);
        assertThat(millis[9_900]).as("p99 well above the median").isGreaterThan(4_000L);
        assertThat(millis[10_000]).as("capped").isLessThanOrEqualTo(50_000L);
    }

    @Test
    void specRoundTripsThroughToString() {
        Latency latency = Latency.uniform(Duration.ofMillis(100), Duration.ofMillis(300));
        assertThat(Latency.parse(latency.toString()).toString()).isEqualTo(latency.toString());
    }

    @Test
    void badSpecsAreRejectedWithAHint() {
        assertThatThrownBy(() -> Latency.parse("slow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed:1s");
        assertThatThrownBy(() -> Latency.parse("uniform:2s-1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latency.parse("fixed:soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRejectsOutOfRangeSettings() {
        assertThatThrownBy(() -> EmulatorConfig.builder().noise(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorConfig.builder().faultRate(Fault.HTTP_500, 0.6)
                .faultRate(Fault.HTTP_503, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum");
        assertThatThrownBy(() -> EmulatorConfig.builder().apiKeys()).isInstanceOf(IllegalArgumentException.class);
    }
}
