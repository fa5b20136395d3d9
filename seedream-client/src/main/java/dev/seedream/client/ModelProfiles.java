package dev.seedream.client;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one table of per-model limits, from our API contract (docs/seedream-api.md). Values the contract marks
 * unverified, or that we had to interpret, are commented here; change them here and nowhere else.
 */
public final class ModelProfiles {

    private static final long MB = 1024L * 1024L; // "10 MB" read as binary megabytes (unverified)
    private static final int MAX_TOTAL_IMAGES = 15;
    private static final int MAX_IMAGES = 15;
    private static final double OUTPUT_MIN_ASPECT = 1.0 / 16;
    private static final double OUTPUT_MAX_ASPECT = 16;
    private static final long MAX_OUTPUT_PIXELS = 4096L * 4096L;

    /** Seedream 4.0 at launch and our product brief: the strictest reference limits. */
    static final ModelProfile.ReferenceLimits STRICT_4_0_REFERENCES = new ModelProfile.ReferenceLimits(
            EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG), 1.0 / 3, 3, 14, 6000, 6000L * 6000L, 10 * MB);

    /** The current generic contract; "36 MP" read as 36,000,000 pixels (unverified), no separate side limit. */
    static final ModelProfile.ReferenceLimits GENERIC_REFERENCES = new ModelProfile.ReferenceLimits(
            EnumSet.allOf(ImageFormat.class), 1.0 / 16, 16, 14, Integer.MAX_VALUE, 36_000_000L, 30 * MB);

    public static final ModelProfile SEEDREAM_4_0 = new ModelProfile("seedream-4-0", Set.of("1K", "2K", "4K"),
            1280L * 720L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 10, MAX_TOTAL_IMAGES,
            MAX_IMAGES, Set.of("standard", "fast"), false, STRICT_4_0_REFERENCES);

    public static final ModelProfile SEEDREAM_4_5 = new ModelProfile("seedream-4-5", Set.of("2K", "4K"),
            2560L * 1440L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 14, MAX_TOTAL_IMAGES,
            MAX_IMAGES, Set.of("standard"), false, GENERIC_REFERENCES);

    public static final ModelProfile SEEDREAM_5_0 = new ModelProfile("seedream-5-0", Set.of("2K", "3K", "4K"),
            2560L * 1440L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT, 14, MAX_TOTAL_IMAGES,
            MAX_IMAGES, Set.of("standard"), true, GENERIC_REFERENCES);

    /**
     * Custom endpoint ids, future models, and requests whose model the client has not chosen yet: the widest
     * documented value of every limit. Messages call it "Seedream" when the request names no model.
     */
    public static final ModelProfile UNKNOWN = new ModelProfile("Seedream",
            Set.of("1K", "2K", "3K", "4K"), 1280L * 720L, MAX_OUTPUT_PIXELS, OUTPUT_MIN_ASPECT, OUTPUT_MAX_ASPECT,
            14, MAX_TOTAL_IMAGES, MAX_IMAGES, Set.of("standard", "fast"), true, GENERIC_REFERENCES);

    private ModelProfiles() {
    }

    /**
     * The profile for a model id, matched by family so dated ids ({@code seedream-4-0-250828}), the Volcengine
     * {@code doubao-} prefix and the 5.0 {@code lite} alias all resolve.
     *
     * @param modelId a model or endpoint id; null (model not chosen yet) gives {@link #UNKNOWN}
     */
    public static ModelProfile forModel(String modelId) {
        String id = modelId == null ? "" : modelId.toLowerCase(Locale.ROOT);
        if (id.contains("seedream-4-0")) {
            return SEEDREAM_4_0;
        }
        if (id.contains("seedream-4-5")) {
            return SEEDREAM_4_5;
        }
        if (id.contains("seedream-5-0")) {
            return SEEDREAM_5_0;
        }
        return UNKNOWN;
    }
}
