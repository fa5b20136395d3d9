/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.ModelProfile.Capability.FAST_MODE;
import static dev.seedream.emulator.ModelProfile.Capability.IMAGE_SETS;
import static dev.seedream.emulator.ModelProfile.Capability.PNG_OUTPUT;
import static dev.seedream.emulator.ModelProfile.Capability.STREAM;
import static dev.seedream.emulator.ModelProfile.Capability.WEB_SEARCH;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The per-model limits of the API doc, in one table, each at the widest current reading. Volcengine's {@code doubao-}
 * prefixed ids map to the same rows; rows are matched in order, so 5.0 Pro comes before the other 5.0 ids.
 */
enum ModelProfile {
    SEEDREAM_4_0("seedream-4-0-250828"::equals, List.of("1K", "2K", "4K"), 921_600, 16_777_216, 14,
            ReferenceLimits.SEEDREAM_4_0, EnumSet.of(FAST_MODE, STREAM, IMAGE_SETS)),
    SEEDREAM_4_5("seedream-4-5-251128"::equals, List.of("2K", "4K"), 3_686_400, 16_777_216, 14,
            ReferenceLimits.CURRENT, EnumSet.of(STREAM, IMAGE_SETS)),
    /** Any dated 5.0 Pro id: only ComfyUI names one so far. No streaming, no image sets. */
    SEEDREAM_5_0_PRO(id -> id.contains("seedream-5-0-pro"), List.of("1K", "1.5K", "2K"), 921_600, 4_624_220, 10,
            ReferenceLimits.CURRENT, EnumSet.of(PNG_OUTPUT)),
    SEEDREAM_5_0("seedream-5-0-260128"::equals, List.of("2K", "3K", "4K"), 3_686_400, 16_777_216, 14,
            ReferenceLimits.CURRENT, EnumSet.of(PNG_OUTPUT, WEB_SEARCH, STREAM, IMAGE_SETS)),
    SEEDREAM_5_0_LITE("seedream-5-0-lite-260128"::equals, List.of("2K", "3K", "4K"), 3_686_400, 16_777_216, 14,
            ReferenceLimits.CURRENT, EnumSet.of(PNG_OUTPUT, WEB_SEARCH, STREAM, IMAGE_SETS)),
    /**
     * An {@code ep-…} endpoint id not mapped to a model: it says nothing about the model behind it, so it gets the
     * union of all rows. Never matched by id.
     */
    CUSTOM_ENDPOINT(id -> false, List.of("1K", "1.5K", "2K", "3K", "4K"), 921_600, 16_777_216, 14,
            ReferenceLimits.CURRENT, EnumSet.allOf(Capability.class));

    static final String VOLCENGINE_PREFIX = "doubao-";
    static final String ENDPOINT_PREFIX = "ep-";
    static final double MAX_ASPECT = 16;
    /** References plus generated images per request. */
    static final int MAX_TOTAL_IMAGES = 15;
    /** Label presets are square; the real model picks the aspect from the prompt. */
    static final Map<String, Integer> LABEL_SIDES = Map.of("1K", 1024, "1.5K", 1536, "2K", 2048, "3K", 3072,
            "4K", 4096);

    /** What a model offers beyond the common fields. */
    enum Capability {
        /** Honours {@code output_format: png}; its items carry {@code output_format}. */
        PNG_OUTPUT,
        /** The {@code web_search} tool. */
        WEB_SEARCH,
        /** The {@code fast} prompt-optimisation mode. */
        FAST_MODE,
        /** {@code stream: true}. */
        STREAM,
        /** {@code sequential_image_generation: auto} makes a set; without it {@code auto} still makes one image. */
        IMAGE_SETS
    }

    private final Predicate<String> matchesId;
    private final List<String> sizeLabels;
    private final long minArea;
    private final long maxArea;
    private final int maxReferences;
    private final ReferenceLimits referenceLimits;
    private final Set<Capability> capabilities;

    ModelProfile(Predicate<String> matchesId, List<String> sizeLabels, long minArea, long maxArea, int maxReferences,
                 ReferenceLimits referenceLimits, Set<Capability> capabilities) {
        this.matchesId = matchesId;
        this.sizeLabels = sizeLabels;
        this.minArea = minArea;
        this.maxArea = maxArea;
        this.maxReferences = maxReferences;
        this.referenceLimits = referenceLimits;
        this.capabilities = capabilities;
    }

    /** The row of a model id (with or without the {@code doubao-} prefix); endpoint ids are not model ids. */
    static Optional<ModelProfile> find(String model) {
        String base = model.startsWith(VOLCENGINE_PREFIX) ? model.substring(VOLCENGINE_PREFIX.length()) : model;
        return Arrays.stream(values()).filter(p -> p.matchesId.test(base)).findFirst();
    }

    /**
     * The row for what a request names: a model id, or an {@code ep-…} endpoint id, which gets the row of the model
     * {@code endpoints} maps it to, else {@link #CUSTOM_ENDPOINT}.
     */
    static Optional<ModelProfile> forRequest(String model, Map<String, String> endpoints) {
        if (!model.startsWith(ENDPOINT_PREFIX)) {
            return find(model);
        }
        String mapped = endpoints.get(model);
        return mapped == null ? Optional.of(CUSTOM_ENDPOINT) : find(mapped);
    }

    List<String> sizeLabels() {
        return sizeLabels;
    }

    long minArea() {
        return minArea;
    }

    long maxArea() {
        return maxArea;
    }

    int maxReferences() {
        return maxReferences;
    }

    boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    ReferenceLimits referenceLimits() {
        return referenceLimits;
    }

    /**
     * Limits on each reference image. 4.0's current text: six formats, [1/16, 16], 10 MB. The others (and unknown
     * endpoints): HEIC/HEIF too and 30 MB. At most 36 MP everywhere.
     */
    record ReferenceLimits(Set<String> formats, double maxAspect, int minSideExclusive, long maxBytes,
                           long maxPixels) {
        static final ReferenceLimits SEEDREAM_4_0 = new ReferenceLimits(
                Set.of("jpeg", "jpg", "png", "webp", "bmp", "tiff", "tif", "gif"), 16, 14, 10L << 20, 36_000_000L);
        static final ReferenceLimits CURRENT = new ReferenceLimits(
                Set.of("jpeg", "jpg", "png", "webp", "bmp", "tiff", "tif", "gif", "heic", "heif"), 16, 14,
                30L << 20, 36_000_000L);
    }
}
