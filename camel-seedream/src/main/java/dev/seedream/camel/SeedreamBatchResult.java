/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.List;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.GenerationResult;

/**
 * The outcome of one input of a {@code seedream:batch} exchange: its images, or its own error. The batch body is a
 * {@code List<SeedreamBatchResult>} in input order.
 *
 * @param index  position of the input in the batch body (0-based)
 * @param prompt the input's prompt, or null when the input was not a prompt or a request
 * @param result the call's result (images hold {@code byte[]}, or {@code Path} with an output directory); null
 *               when the input failed
 * @param error  why the input failed (the client's typed exception, e.g. a {@code SeedreamValidationException}
 *               when nothing was sent), or null when it succeeded
 */
public record SeedreamBatchResult(int index, String prompt, GenerationResult<Object> result, Exception error) {

    public boolean isSuccess() {
        return error == null;
    }

    /** The delivered images, in index order; empty when the input failed. */
    public List<GeneratedImage<Object>> images() {
        return result == null ? List.of() : result.images();
    }

    @Override
    public String toString() {
        return "SeedreamBatchResult[index=" + index + (isSuccess() ? ", images=" + images().size()
                : ", error=" + error.getClass().getSimpleName() + ": " + error.getMessage()) + "]";
    }
}
