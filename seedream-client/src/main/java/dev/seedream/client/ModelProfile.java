/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.util.Set;

/**
 * The documented limits of one Seedream model family, used by {@link RequestValidator} in
 * {@link ValidationMode#STRICT} mode. The table lives in {@link ModelProfiles}; not part of the API: a model or
 * endpoint this client does not know is checked against the widest known limits, or by the provider alone with
 * {@link ValidationMode#PROTOCOL_ONLY}.
 *
 * @param name                 family name used in messages when the request names no model, e.g. {@code seedream-4-0}
 * @param sizeLabels           accepted resolution labels, upper case, e.g. {@code 1K}, {@code 2K}, {@code 4K}
 * @param minPixels            smallest output area for an explicit {@code WIDTHxHEIGHT} size
 * @param maxPixels            largest output area for an explicit size
 * @param minAspectRatio       smallest width / height of an explicit size
 * @param maxAspectRatio       largest width / height of an explicit size
 * @param maxReferenceImages   most entries in {@code image}
 * @param maxTotalImages       most reference plus generated images in one request
 * @param maxImages            upper bound of {@code sequential_image_generation_options.max_images} (lower bound 1)
 * @param optimizePromptModes  accepted {@code optimize_prompt_options.mode} values, lower case
 * @param outputFormatSupported whether {@code output_format} may be set (Seedream 5.0)
 * @param streaming            whether {@code stream: true} is accepted (5.0 Pro answers 400)
 * @param imageSets            whether the model makes image sets; without, a request produces one image whatever
 *                             its {@code sequential_image_generation}
 * @param references           limits on each inline reference image
 */
record ModelProfile(String name, Set<String> sizeLabels, long minPixels, long maxPixels,
                           double minAspectRatio, double maxAspectRatio, int maxReferenceImages,
                           int maxTotalImages, int maxImages, Set<String> optimizePromptModes,
                           boolean outputFormatSupported, boolean streaming, boolean imageSets,
                           ReferenceLimits references) {

    public ModelProfile {
        if (name == null || references == null) {
            throw new IllegalArgumentException("ModelProfile name and references must not be null");
        }
        sizeLabels = Set.copyOf(sizeLabels);
        optimizePromptModes = Set.copyOf(optimizePromptModes);
    }

    /**
     * Limits on each inline reference image. URL references are fetched by the provider and checked there.
     *
     * @param formats          accepted formats, sniffed from the bytes
     * @param minAspectRatio   smallest width / height
     * @param maxAspectRatio   largest width / height
     * @param minSideExclusive each side must be strictly greater than this many pixels
     * @param maxPixels        largest width × height
     * @param maxBytes         largest decoded size in bytes
     */
    record ReferenceLimits(Set<ImageFormat> formats, double minAspectRatio, double maxAspectRatio,
                                  int minSideExclusive, long maxPixels, long maxBytes) {

        public ReferenceLimits {
            formats = Set.copyOf(formats);
        }
    }
}
