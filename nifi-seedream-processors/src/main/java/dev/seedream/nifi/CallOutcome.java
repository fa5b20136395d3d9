/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.GenerationResult;

import java.nio.file.Path;

/**
 * What one call came to for its input: a result with at least one image, or why there is none.
 *
 * @param input   what the request was made for (a FlowFile, a record, or null without input)
 * @param result  the result with its images, or null
 * @param failure why there is no image, or null
 * @param <I>     the input type
 */
record CallOutcome<I>(I input, GenerationResult<Path> result, CallFailure failure) {

    /** A finished call: its failure, or its result, which is a failure too when every image of it failed. */
    static <I> CallOutcome<I> finished(I input, GenerationResult<Path> result, Throwable failure) {
        if (failure != null) {
            return failed(input, CallFailure.of(failure));
        }
        return result.images().isEmpty() ? failed(input, CallFailure.allImagesFailed(result.failures()))
                : new CallOutcome<>(input, result, null);
    }

    static <I> CallOutcome<I> failed(I input, CallFailure failure) {
        return new CallOutcome<>(input, null, failure);
    }

    boolean hasImages() {
        return failure == null;
    }
}
