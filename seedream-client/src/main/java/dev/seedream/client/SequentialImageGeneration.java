/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.Redaction;

import java.util.Locale;

/**
 * Whether the model may answer with a set of related images ({@code sequential_image_generation}). With
 * {@link #AUTO} the model decides how many (up to {@code max_images}); the prompt should name the count.
 */
public enum SequentialImageGeneration {
    /** The model may produce a group of images. */
    AUTO("auto"),
    /** Exactly one image (the provider's default). */
    DISABLED("disabled");

    private final String apiValue;

    SequentialImageGeneration(String apiValue) {
        this.apiValue = apiValue;
    }

    /**
     * The value sent in the request body.
     *
     * @return the API value, e.g. {@code auto}
     */
    public String apiValue() {
        return apiValue;
    }

    /**
     * Parses an API value, ignoring case.
     *
     * @param value the API value
     * @return the matching constant
     * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
     */
    public static SequentialImageGeneration fromApiValue(String value) {
        for (SequentialImageGeneration mode : values()) {
            if (mode.apiValue.equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("sequential_image_generation must be 'auto' or 'disabled', got '"
                + Redaction.truncate(value, 40) + "'");
    }
}
