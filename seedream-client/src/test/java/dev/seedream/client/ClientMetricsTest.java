/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.SeedreamEmulator;
import org.junit.jupiter.api.Test;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The counters a client reports for dashboards: billed images, and failed calls by their cause. */
class ClientMetricsTest {

    @Test
    void imagesGeneratedCountsTheImagesOfSuccessfulCalls() {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().build());
             SeedreamClient client = EmulatorClients.builder(emulator).build()) {
            client.generate(b64("one lighthouse").build());
            client.generate(b64("three lighthouses").maxImages(3).build());

            assertThat(client.metrics().imagesGenerated()).isEqualTo(emulator.stats().imagesGenerated())
                    .isEqualTo(4);
            assertThat(client.metrics().failures()).isZero();
            assertThat(client.metrics().failuresByCode()).isEmpty();
        }
    }

    @Test
    void failedCallsAreCountedByTheProvidersCodeElseTheirType() {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().build());
             SeedreamClient wrongKey = EmulatorClients.builder(emulator).apiKey("not-the-key").build()) {
            assertThatThrownBy(() -> wrongKey.generate(b64("a fox").build()))
                    .isInstanceOf(SeedreamAuthenticationException.class);
            assertThatThrownBy(() -> wrongKey.generate(b64("a fox").build()))
                    .isInstanceOf(SeedreamAuthenticationException.class);
            assertThatThrownBy(() -> wrongKey.generate(b64("").build()))
                    .isInstanceOf(SeedreamValidationException.class);

            ClientMetrics metrics = wrongKey.metrics();
            assertThat(metrics.failuresByCode()).containsEntry("AuthenticationError", 2L);
            assertThat(metrics.failuresByCode().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(metrics.failures());
            assertThat(metrics.imagesGenerated()).isZero();
        }
    }
}
