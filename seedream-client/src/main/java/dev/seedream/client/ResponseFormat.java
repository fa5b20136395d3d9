/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.Redaction;

import java.util.Locale;

/** How the provider returns each image ({@code response_format}). */
public enum ResponseFormat {
    /** A download link that expires after 24 hours (the provider's default). */
    URL("url"),
    /** The image itself, base64-encoded in the JSON; the client decodes it straight into the caller's sink. */
    B64_JSON("b64_json");

    private final String apiValue;

    ResponseFormat(String apiValue) {
        this.apiValue = apiValue;
    }

    /**
     * The value sent in the request body.
     *
     * @return the API value, e.g. {@code b64_json}
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
    public static ResponseFormat fromApiValue(String value) {
        for (ResponseFormat format : values()) {
            if (format.apiValue.equals(value == null ? null : value.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("response_format must be 'url' or 'b64_json', got '"
                + Redaction.truncate(value, 40) + "'");
    }
}
