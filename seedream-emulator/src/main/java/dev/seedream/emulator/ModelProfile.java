package dev.seedream.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The per-model limits of the API doc, in one table. Volcengine's {@code doubao-} prefixed ids map to the same rows. */
enum ModelProfile {
    SEEDREAM_4_0("seedream-4-0-250828", List.of("1K", "2K", "4K"), 921_600, 10, false, ReferenceLimits.STRICT),
    SEEDREAM_4_5("seedream-4-5-251128", List.of("2K", "4K"), 3_686_400, 14, false, ReferenceLimits.CURRENT),
    SEEDREAM_5_0("seedream-5-0-260128", List.of("2K", "3K", "4K"), 3_686_400, 14, true, ReferenceLimits.CURRENT),
    SEEDREAM_5_0_LITE("seedream-5-0-lite-260128", List.of("2K", "3K", "4K"), 3_686_400, 14, true,
            ReferenceLimits.CURRENT);

    static final String VOLCENGINE_PREFIX = "doubao-";
    static final long MAX_AREA = 16_777_216L;
    static final double MAX_ASPECT = 16;
    /** References plus generated images per request. */
    static final int MAX_TOTAL_IMAGES = 15;
    /** Label presets are square; the real model picks the aspect from the prompt. */
    static final Map<String, Integer> LABEL_SIDES = Map.of("1K", 1024, "2K", 2048, "3K", 3072, "4K", 4096);

    private final String id;
    private final List<String> sizeLabels;
    private final long minArea;
    private final int maxReferences;
    private final boolean version5;
    private final ReferenceLimits referenceLimits;

    ModelProfile(String id, List<String> sizeLabels, long minArea, int maxReferences, boolean version5,
                 ReferenceLimits referenceLimits) {
        this.id = id;
        this.sizeLabels = sizeLabels;
        this.minArea = minArea;
        this.maxReferences = maxReferences;
        this.version5 = version5;
        this.referenceLimits = referenceLimits;
    }

    static Optional<ModelProfile> find(String model) {
        String base = model.startsWith(VOLCENGINE_PREFIX) ? model.substring(VOLCENGINE_PREFIX.length()) : model;
        return Arrays.stream(values()).filter(p -> p.id.equals(base)).findFirst();
    }

    List<String> sizeLabels() {
        return sizeLabels;
    }

    long minArea() {
        return minArea;
    }

    int maxReferences() {
        return maxReferences;
    }

    /** 5.0 honours {@code output_format} and {@code tools}; 4.x always answers JPEG. */
    boolean version5() {
        return version5;
    }

    /** Only 4.0 offers the {@code fast} prompt-optimisation mode. */
    boolean allowsFastMode() {
        return this == SEEDREAM_4_0;
    }

    ReferenceLimits referenceLimits() {
        return referenceLimits;
    }

    /** Limits on each reference image: 4.0's launch limits, or the current generic contract. */
    record ReferenceLimits(Set<String> formats, double maxAspect, int minSideExclusive, long maxBytes, int maxSide,
                           long maxPixels) {
        static final ReferenceLimits STRICT = new ReferenceLimits(Set.of("jpeg", "jpg", "png"), 3, 14,
                10L << 20, 6000, 36_000_000L);
        static final ReferenceLimits CURRENT = new ReferenceLimits(
                Set.of("jpeg", "jpg", "png", "webp", "bmp", "tiff", "tif", "gif", "heic", "heif"), 16, 14,
                30L << 20, Integer.MAX_VALUE, 36_000_000L);
    }
}
