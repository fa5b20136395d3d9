/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import java.net.URI;

/**
 * What every path is configured with, so they all ask the same emulator for the same images.
 *
 * @param baseUri     the emulator's API base, e.g. {@code http://127.0.0.1:41234/api/v3}
 * @param apiKey      the Bearer key
 * @param size        {@code 1K}, {@code 4K} or {@code WIDTHxHEIGHT}
 * @param concurrency calls the driver keeps in flight; paths size their pools and limits to it
 */
public record PathSettings(URI baseUri, String apiKey, String size, int concurrency) {

    public static final String MODEL = "seedream-4-0-250828";

    /** The generation endpoint the hand-written paths post to. */
    public URI generationsUri() {
        return URI.create(baseUri + "/images/generations");
    }
}
