/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the Seedream component. Input headers override the endpoint option of the same name for one
 * message; output headers are named apart from them so a route that sends the result on does not turn an answer
 * into the next request's input.
 */
public final class SeedreamConstants {

    // Input: override endpoint options per message.

    @Metadata(description = "The prompt. Beats a String body (generate) and the `prompt` option.",
              javaType = "String")
    public static final String PROMPT = "CamelSeedreamPrompt";
    @Metadata(description = "Model or endpoint id to use for this message.", javaType = "String")
    public static final String MODEL = "CamelSeedreamModel";
    @Metadata(description = "Output size: `1K`, `2K`, `3K`, `4K` or `WIDTHxHEIGHT`.", javaType = "String")
    public static final String SIZE = "CamelSeedreamSize";
    @Metadata(description = "Seed, -1 (random) to 2147483647; only some models honour it.", javaType = "Long")
    public static final String SEED = "CamelSeedreamSeed";
    @Metadata(description = "Whether the provider adds its visible \"AI generated\" mark.", javaType = "Boolean")
    public static final String WATERMARK = "CamelSeedreamWatermark";
    @Metadata(description = "How the provider returns images: `url` or `b64_json`.", javaType = "String")
    public static final String RESPONSE_FORMAT = "CamelSeedreamResponseFormat";
    @Metadata(description = "Upper bound of a group of related images (1 to 15); switches on sequential "
                            + "(group) generation.", javaType = "Integer")
    public static final String MAX_IMAGES = "CamelSeedreamMaxImages";
    @Metadata(description = "Reference images: one, or a List of byte arrays, `InputStream`, `File`, `Path`, "
                            + "`URL`/`URI`, URL or data-URI `String`. For edit it replaces the body as the source "
                            + "of references; for generate it adds references to the prompt.",
              javaType = "Object")
    public static final String REFERENCE_IMAGES = "CamelSeedreamReferenceImages";
    @Metadata(description = "Output file format `png` or `jpeg` (Seedream 5.0 only).", javaType = "String")
    public static final String OUTPUT_FORMAT = "CamelSeedreamOutputFormat";
    @Metadata(description = "Prompt optimisation mode: `standard`, or `fast` (Seedream 4.0).", javaType = "String")
    public static final String OPTIMIZE_PROMPT_MODE = "CamelSeedreamOptimizePromptMode";

    // Output: set by the producers.

    @Metadata(description = "Number of images delivered (batch: over all items).", javaType = "Integer")
    public static final String IMAGE_COUNT = "CamelSeedreamImageCount";
    @Metadata(description = "Position of the image in its group (0-based); set on each message of a stream.",
              javaType = "Integer")
    public static final String IMAGE_INDEX = "CamelSeedreamImageIndex";
    @Metadata(description = "Dimensions of the (first) image as the provider reports them, e.g. `2048x2048`.",
              javaType = "String")
    public static final String IMAGE_SIZE = "CamelSeedreamImageSize";
    @Metadata(description = "MIME type of the (first) image, detected from its bytes.", javaType = "String")
    public static final String MIME_TYPE = "CamelSeedreamMimeType";
    @Metadata(description = "The provider's URL of the (first) image when `responseFormat=url`; it expires "
                            + "after 24 hours.", javaType = "String")
    public static final String IMAGE_URL = "CamelSeedreamImageUrl";
    @Metadata(description = "Model id the provider answered with.", javaType = "String")
    public static final String RESPONSE_MODEL = "CamelSeedreamResponseModel";
    @Metadata(description = "Images the provider generated and billed. Absent (like the token headers) when "
                            + "the provider reported no usage, e.g. a stream that ended without its completion "
                            + "event.", javaType = "Integer")
    public static final String USAGE_GENERATED_IMAGES = "CamelSeedreamUsageGeneratedImages";
    @Metadata(description = "Output tokens the provider reported.", javaType = "Long")
    public static final String USAGE_OUTPUT_TOKENS = "CamelSeedreamUsageOutputTokens";
    @Metadata(description = "Total tokens the provider reported.", javaType = "Long")
    public static final String USAGE_TOTAL_TOKENS = "CamelSeedreamUsageTotalTokens";
    @Metadata(description = "The request id to quote to the provider's support: the provider's own, else the "
                            + "`X-Client-Request-Id` the client sent. Set on failures too (the exception's "
                            + "`requestId()`).", javaType = "String")
    public static final String REQUEST_ID = "CamelSeedreamRequestId";
    @Metadata(description = "HTTP attempts the call took (1 = no retry).", javaType = "Integer")
    public static final String ATTEMPTS = "CamelSeedreamAttempts";
    @Metadata(description = "Images of a group the provider could not deliver while others succeeded; "
                            + "set only when there are any.",
              javaType = "java.util.List<dev.seedream.client.ImageFailure>")
    public static final String FAILED_IMAGES = "CamelSeedreamFailedImages";
    @Metadata(description = "Batch: number of inputs that produced their images.", javaType = "Integer")
    public static final String BATCH_SUCCEEDED = "CamelSeedreamBatchSucceeded";
    @Metadata(description = "Batch: number of inputs that failed (each result holds its own exception).",
              javaType = "Integer")
    public static final String BATCH_FAILED = "CamelSeedreamBatchFailed";

    private SeedreamConstants() {
    }
}
