/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.Locale;

/** The emulated moderation: trigger words in the prompt reject the input or one output image. */
final class ContentPolicy {

    /** Index of the group item the output filter rejects. */
    static final int BLOCKED_INDEX = 1;
    static final int NONE = -1;

    private ContentPolicy() {
    }

    /** Whole-request rejections: the input trigger, or the output trigger on a single-image request. */
    static void checkRequest(GenerationRequest request, EmulatorConfig config) {
        if (contains(request.prompt(), config.contentPolicyTrigger())) {
            throw new ApiError(400, "InputTextSensitiveContentDetected", "The request failed because the input text "
                    + "may contain sensitive information.", "prompt", ApiError.NO_RETRY_AFTER);
        }
        if (request.imageCount() == 1 && contains(request.prompt(), config.outputPolicyTrigger())) {
            throw outputRejected();
        }
    }

    /** The group item replaced by an item-level error, or {@link #NONE}. */
    static int blockedIndex(GenerationRequest request, EmulatorConfig config) {
        return request.imageCount() > BLOCKED_INDEX && contains(request.prompt(), config.outputPolicyTrigger())
                ? BLOCKED_INDEX : NONE;
    }

    static ApiError outputRejected() {
        return new ApiError(400, "OutputImageSensitiveContentDetected", "The generated image may contain sensitive "
                + "information.", "", ApiError.NO_RETRY_AFTER);
    }

    private static boolean contains(String prompt, String word) {
        return prompt.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }
}
