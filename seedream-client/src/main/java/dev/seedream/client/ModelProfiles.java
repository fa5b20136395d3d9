/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one table of per-model limits, from our API contract (docs/seedream-api.md). Values the contract marks
 * unverified, or that we had to interpret, are commented here; change them here and nowhere else.
 */
final class ModelProfiles {

    private static final long MB = 1024L * 1024L; // "10 MB" read as binary megabytes (unverified)
    private static final int MAX_TOTAL_IMAGES = 15;
    private static final int MAX_IMAGES = 15;
    private static final double OUTPUT_MIN_ASPECT = 1.0 / 16;
    private static final double OUTPUT_MAX_ASPECT = 16;
    private static final long MAX_OUTPUT_PIXELS = 4096L * 4096L;

    /**
     * Seedream 4.0 by the current provider text: six formats, aspect [1/16, 16], 10 MB. The launch text was narrower
     * (JPEG and PNG, [1/3, 3], 6000 px a side); its side limit gives way to the others' 36 MP, the wider reading.
     */
    static final ModelProfile.ReferenceLimits SEEDREAM_4_0_REFERENCES = new ModelProfile.ReferenceLimits(
            EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP, ImageFormat.BMP, ImageFormat.TIFF,
                    ImageFormat.GIF), 1.0 / 16, 16, 14, 36_000_000L, 10 * MB);

    /**
     * 4.5, 5.0 Lite and 5.0 Pro: BytePlus copies say 10 MB and no HEIC for 4.5 / 5.0 Lite, Volcengine digests and
     * the 5.0 Pro text 30 MB with HEIC/HEIF; "36 MP" read as 36,000,000 pixels (unverified).
     */
    static final ModelProfile.ReferenceLimits GENERIC_REFERENCES = new ModelProfile.ReferenceLimits(
            EnumSet.allOf(ImageFormat.class), 1.0 / 16, 16, 14, 36_000_000L, 30 * MB);

    /** Sources disagree on 10 or 14 references for 4.0: the wider wins. */
    static final ModelProfile SEEDREAM_4_0 = new ModelProfile("seedream-4-0", Set.of("1K", "2K", "4K"),
            1280L * 720L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 14, MAX_TOTAL_IMAGES,
            MAX_IMAGES, Set.of("standard", "fast"), false, true, true, SEEDREAM_4_0_REFERENCES);

    static final ModelProfile SEEDREAM_4_5 = new ModelProfile("seedream-4-5", Set.of("2K", "4K"),
            2560L * 1440L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 14, MAX_TOTAL_IMAGES,
            MAX_IMAGES, Set.of("standard"), false, true, true, GENERIC_REFERENCES);

    /** 5.0 Lite: BytePlus copies say 2K/3K and at most 10,404,496 px, Volcengine allows 4K: the wider wins. */
    static final ModelProfile SEEDREAM_5_0 = new ModelProfile("seedream-5-0", Set.of("2K", "3K", "4K"),
            2560L * 1440L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 14, MAX_TOTAL_IMAGES,
            MAX_IMAGES, Set.of("standard"), true, true, true, GENERIC_REFERENCES);

    /** 5.0 Pro (ComfyUI's copy of the provider text): smaller outputs, 10 references, no streaming, no sets. */
    static final ModelProfile SEEDREAM_5_0_PRO = new ModelProfile("seedream-5-0-pro",
            Set.of("1K", "1.5K", "2K"), 921_600L, 4_624_220L, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 10,
            MAX_TOTAL_IMAGES, MAX_IMAGES, Set.of("standard"), true, false, false, GENERIC_REFERENCES);

    /**
     * Custom endpoint ids ({@code ep-…}, which say nothing of the model behind them), future models, and requests
     * whose model the client has not chosen yet: the widest documented value of every limit. Messages call it
     * "Seedream" when the request names no model.
     */
    static final ModelProfile UNKNOWN = new ModelProfile("Seedream",
            Set.of("1K", "1.5K", "2K", "3K", "4K"), 921_600L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT,
            OUTPUT_MAX_ASPECT, 14, MAX_TOTAL_IMAGES, MAX_IMAGES, Set.of("standard", "fast"), true, true, true,
            GENERIC_REFERENCES);

    private ModelProfiles() {
    }

    /**
     * The profile for a model id, matched by family so dated ids ({@code seedream-4-0-250828}), the Volcengine
     * {@code doubao-} prefix and the 5.0 {@code lite} alias all resolve; 5.0 Pro before the generic 5.0.
     *
     * @param modelId a model or endpoint id; null (model not chosen yet) gives {@link #UNKNOWN}
     */
    static ModelProfile forModel(String modelId) {
        String id = modelId == null ? "" : modelId.toLowerCase(Locale.ROOT);
        if (id.contains("seedream-4-0")) {
            return SEEDREAM_4_0;
        }
        if (id.contains("seedream-4-5")) {
            return SEEDREAM_4_5;
        }
        if (id.contains("seedream-5-0-pro")) {
            return SEEDREAM_5_0_PRO;
        }
        if (id.contains("seedream-5-0")) {
            return SEEDREAM_5_0;
        }
        return UNKNOWN;
    }
}
