/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import org.junit.jupiter.api.Test;

import java.lang.module.ModuleDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests run inside the module, so this reads the descriptor the jar ships. */
class ModuleDescriptorTest {

    @Test
    void onlyTheApiPackageIsExported() {
        ModuleDescriptor descriptor = SeedreamClient.class.getModule().getDescriptor();

        assertThat(descriptor).as("the client's module descriptor").isNotNull();
        assertThat(descriptor.name()).isEqualTo("dev.seedream.client");
        assertThat(descriptor.packages()).contains("dev.seedream.client", "dev.seedream.client.internal");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("dev.seedream.client");
        assertThat(descriptor.exports()).allMatch(export -> !export.isQualified());
    }
}
