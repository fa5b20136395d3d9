/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelProfileTest {

    @Test
    void modelIdsResolveByFamilyIncludingPrefixesAliasesAndCase() {
        assertThat(ModelProfiles.forModel("seedream-4-0-250828")).isSameAs(ModelProfiles.SEEDREAM_4_0);
        assertThat(ModelProfiles.forModel("doubao-seedream-4-0-250828")).isSameAs(ModelProfiles.SEEDREAM_4_0);
        assertThat(ModelProfiles.forModel("Seedream-4-5-251128")).isSameAs(ModelProfiles.SEEDREAM_4_5);
        assertThat(ModelProfiles.forModel("seedream-5-0-lite-260128")).isSameAs(ModelProfiles.SEEDREAM_5_0);
        assertThat(ModelProfiles.forModel("ep-20250101-abcde")).isSameAs(ModelProfiles.UNKNOWN);
        assertThat(ModelProfiles.forModel(null)).isSameAs(ModelProfiles.UNKNOWN);
    }

    @Test
    void seedreamFourZeroTakesTheWidestCurrentReading() {
        ModelProfile profile = ModelProfiles.SEEDREAM_4_0;

        assertThat(profile.sizeLabels()).containsExactlyInAnyOrder("1K", "2K", "4K");
        assertThat(profile.minPixels()).isEqualTo(921_600);
        assertThat(profile.maxReferenceImages()).isEqualTo(14);
        assertThat(profile.references().formats()).containsExactlyInAnyOrder(ImageFormat.JPEG, ImageFormat.PNG,
                ImageFormat.WEBP, ImageFormat.BMP, ImageFormat.TIFF, ImageFormat.GIF);
        assertThat(profile.references().maxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(profile.references().maxPixels()).isEqualTo(36_000_000L);
        assertThat(profile.references().minAspectRatio()).isEqualTo(1.0 / 16);
        assertThat(profile.references().maxAspectRatio()).isEqualTo(16);
    }

    @Test
    void seedreamFiveZeroProIsMatchedBeforeTheGenericFiveZero() {
        ModelProfile pro = ModelProfiles.forModel("doubao-seedream-5-0-pro-260628");

        assertThat(pro).isSameAs(ModelProfiles.SEEDREAM_5_0_PRO);
        assertThat(pro.sizeLabels()).containsExactlyInAnyOrder("1K", "1.5K", "2K");
        assertThat(pro.minPixels()).isEqualTo(921_600);
        assertThat(pro.maxPixels()).isEqualTo(4_624_220);
        assertThat(pro.maxReferenceImages()).isEqualTo(10);
        assertThat(pro.streaming()).isFalse();
        assertThat(pro.imageSets()).isFalse();
        assertThat(pro.references().formats()).contains(ImageFormat.HEIC, ImageFormat.HEIF);
        assertThat(pro.references().maxBytes()).isEqualTo(30L * 1024 * 1024);
    }

    @Test
    void unknownModelsGetTheWidestDocumentedLimits() {
        ModelProfile unknown = ModelProfiles.UNKNOWN;

        assertThat(unknown.sizeLabels()).containsExactlyInAnyOrder("1K", "1.5K", "2K", "3K", "4K");
        assertThat(unknown.minPixels()).isEqualTo(ModelProfiles.SEEDREAM_4_0.minPixels());
        assertThat(unknown.maxReferenceImages()).isEqualTo(14);
        assertThat(unknown.references().formats()).containsExactlyInAnyOrder(ImageFormat.values());
        assertThat(unknown.outputFormatSupported()).isTrue();
        assertThat(unknown.streaming()).isTrue();
        assertThat(unknown.imageSets()).isTrue();
        assertThat(unknown.maxPixels()).isEqualTo(16_777_216);
        assertThat(ModelProfiles.SEEDREAM_4_5.sizeLabels()).containsExactlyInAnyOrder("2K", "4K");
        assertThat(ModelProfiles.SEEDREAM_5_0.sizeLabels()).containsExactlyInAnyOrder("2K", "3K", "4K");
        assertThat(ModelProfiles.SEEDREAM_5_0.minPixels()).isEqualTo(3_686_400);
    }
}
