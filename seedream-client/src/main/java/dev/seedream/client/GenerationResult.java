/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one generation call: the delivered images in index order, the images of the group that failed
 * (item-level errors beside successes), usage, and call metadata.
 *
 * @param model     model id the provider answered with
 * @param created   creation time the provider reported (null if absent)
 * @param images    delivered images, sorted by index
 * @param failures  item-level failures, sorted by index
 * @param usage     usage the provider reported; empty when it reported none (a stream that ended without its
 *                  completion event, a body without {@code usage}): the client does not guess it
 * @param requestId the provider's request id header, else the {@code X-Client-Request-Id} this client sent
 * @param duration  wall time of the whole call including waits and retries
 * @param attempts  HTTP attempts made (1 = no retry)
 * @param <T>       the sink's content type
 */
public record GenerationResult<T>(String model, Instant created, List<GeneratedImage<T>> images,
                                  List<ImageFailure> failures, Optional<Usage> usage, String requestId,
                                  Duration duration, int attempts) {

    /** Keeps unmodifiable copies of {@code images} and {@code failures}. */
    public GenerationResult {
        images = List.copyOf(images);
        failures = List.copyOf(failures);
    }

    /**
     * The only or first image; throws if none was delivered.
     *
     * @return the image with the lowest index
     */
    public GeneratedImage<T> firstImage() {
        if (images.isEmpty()) {
            throw new IllegalStateException("No image was delivered; failures: " + failures);
        }
        return images.get(0);
    }
}
