/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.Redaction;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One call to {@code POST /images/generations}. Immutable and thread-safe; equal when every field is; derive
 * variants with {@link #toBuilder()}.
 *
 * <p>Every field but the prompt is optional, and a field left unset (null) is not sent, so the provider's default
 * applies. {@link Builder#build()} does not validate: the client checks every rule at once — those that hold for
 * every model and the target model's own limits — in {@link SeedreamClient#prepare(ImageRequest)} and before every
 * call, so one {@link SeedreamValidationException} lists all problems of a request.
 *
 * @param model                  model or endpoint id; null means the client's default model applies
 * @param prompt                 required, not blank
 * @param images                 reference images, in order (the API's {@code image}); empty when none
 * @param size                   a label ({@code 1K}, {@code 2K}, {@code 3K}, {@code 4K}) or {@code WIDTHxHEIGHT}
 * @param seed                   -1 (random) to 2147483647; documented for older models
 * @param guidanceScale          1 to 10; documented for older models
 * @param sequentialImageGeneration {@code sequential_image_generation}; {@code auto} is implied when only
 *                               {@code maxImages} is set
 * @param maxImages              {@code sequential_image_generation_options.max_images}; takes effect only with
 *                               {@code auto}
 * @param stream                 Server-Sent Events, one per image as it finishes
 * @param responseFormat         {@code response_format}; null for the provider default ({@code url})
 * @param watermark              whether the provider adds its "AI generated" mark; null for its default
 * @param optimizePromptMode     {@code optimize_prompt_options.mode}: {@code standard}, or {@code fast} (4.0)
 * @param optimizePromptThinking {@code optimize_prompt_options.thinking}, passed through as given
 * @param outputFormat           {@code png} or {@code jpeg} (Seedream 5.0 only)
 * @param extraFields            pass-through fields written after the known ones, in insertion order; values may
 *                               be null
 */
public record ImageRequest(String model, String prompt, List<ReferenceImage> images, String size, Long seed,
                           Double guidanceScale, SequentialImageGeneration sequentialImageGeneration,
                           Integer maxImages, boolean stream, ResponseFormat responseFormat, Boolean watermark,
                           String optimizePromptMode, String optimizePromptThinking, String outputFormat,
                           Map<String, Object> extraFields) {

    /** Keeps unmodifiable copies of {@code images} and {@code extraFields}; null gives an empty one. */
    public ImageRequest {
        images = images == null ? List.of() : List.copyOf(images);
        extraFields = extraFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
    }

    /**
     * A builder with no field set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy with {@code model} set; the client uses it to apply its default model.
     *
     * @param model the model or endpoint id
     * @return the copy
     */
    public ImageRequest withModel(String model) {
        return toBuilder().model(model).build();
    }

    /**
     * The mode as set, or {@code auto} when only {@code maxImages} was set (asking for a group implies it). The
     * implied mode is not a field: a copy whose {@code maxImages} is cleared asks for no group.
     *
     * @return the mode, or null when neither it nor {@code maxImages} is set
     */
    @Override
    public SequentialImageGeneration sequentialImageGeneration() {
        if (sequentialImageGeneration == null && maxImages != null) {
            return SequentialImageGeneration.AUTO;
        }
        return sequentialImageGeneration;
    }

    /**
     * The most images this request may produce, for the images-per-minute limiter: 1 unless sequential
     * generation is {@code auto} on a model that makes image sets; then {@code max_images} when set, else what the
     * provider's default of 15 leaves beside the references (references + outputs ≤ 15).
     */
    int maxOutputImages() {
        return maxOutputImages(ModelProfiles.forModel(model));
    }

    /** {@link #maxOutputImages()} for the given model profile. */
    int maxOutputImages(ModelProfile profile) {
        if (sequentialImageGeneration() != SequentialImageGeneration.AUTO || !profile.imageSets()) {
            return 1;
        }
        return maxImages != null ? maxImages : Math.max(1, 15 - images.size());
    }

    /** Writes the JSON request body to {@code out} (left open). Inline images are streamed, never built as strings. */
    void writeJson(OutputStream out) throws IOException {
        ImageRequestJson.write(this, out);
    }

    /** Only set fields; the prompt cut to 60 characters, images summarized, extra fields by name only. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "ImageRequest{", "}");
        text.add(prompt == null ? "prompt=null"
                : "prompt='" + Redaction.truncate(prompt, Redaction.PROMPT_CHARS) + "' (" + prompt.length()
                        + " chars)");
        addIfSet(text, "model", model);
        addIfSet(text, "images", images.isEmpty() ? null : images);
        addIfSet(text, "size", size);
        addIfSet(text, "seed", seed);
        addIfSet(text, "guidanceScale", guidanceScale);
        addIfSet(text, "sequentialImageGeneration", sequentialImageGeneration());
        addIfSet(text, "maxImages", maxImages);
        addIfSet(text, "stream", stream ? Boolean.TRUE : null);
        addIfSet(text, "responseFormat", responseFormat);
        addIfSet(text, "watermark", watermark);
        addIfSet(text, "optimizePromptMode", optimizePromptMode);
        addIfSet(text, "optimizePromptThinking", optimizePromptThinking);
        addIfSet(text, "outputFormat", outputFormat);
        addIfSet(text, "extraFields", extraFields.isEmpty() ? null : extraFields.keySet());
        return text.toString();
    }

    private static void addIfSet(StringJoiner text, String name, Object value) {
        if (value != null) {
            text.add(name + "=" + value);
        }
    }

    /** Collects the fields; {@link #build()} normalizes nothing silently beyond case and whitespace. */
    public static final class Builder {

        private String model;
        private String prompt;
        private final List<ReferenceImage> images = new ArrayList<>();
        private String size;
        private Long seed;
        private Double guidanceScale;
        private SequentialImageGeneration sequentialImageGeneration;
        private Integer maxImages;
        private boolean stream;
        private ResponseFormat responseFormat;
        private Boolean watermark;
        private String optimizePromptMode;
        private String optimizePromptThinking;
        private String outputFormat;
        private final Map<String, Object> extraFields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(ImageRequest request) {
            this.model = request.model;
            this.prompt = request.prompt;
            this.images.addAll(request.images);
            this.size = request.size;
            this.seed = request.seed;
            this.guidanceScale = request.guidanceScale;
            this.sequentialImageGeneration = request.sequentialImageGeneration; // the field: not the implied mode
            this.maxImages = request.maxImages;
            this.stream = request.stream;
            this.responseFormat = request.responseFormat;
            this.watermark = request.watermark;
            this.optimizePromptMode = request.optimizePromptMode;
            this.optimizePromptThinking = request.optimizePromptThinking;
            this.outputFormat = request.outputFormat;
            this.extraFields.putAll(request.extraFields);
        }

        /**
         * Model or endpoint id; null leaves the choice to the client's default model.
         *
         * @param model the model or endpoint id, or null
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model == null ? null : model.trim();
            return this;
        }

        /**
         * Required, not blank. The provider recommends at most about 600 English words.
         *
         * @param prompt the text prompt
         * @return this builder
         */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /**
         * Adds one reference image (see {@link ReferenceImage#from(Object)} for other sources).
         *
         * @param image the reference image, not null
         * @return this builder
         */
        public Builder image(ReferenceImage image) {
            if (image == null) {
                throw new IllegalArgumentException("Reference image must not be null");
            }
            images.add(image);
            return this;
        }

        /**
         * Replaces all reference images; null or empty clears them.
         *
         * @param images the reference images, in order, or null
         * @return this builder
         */
        public Builder images(List<ReferenceImage> images) {
            this.images.clear();
            if (images != null) {
                images.forEach(this::image);
            }
            return this;
        }

        /**
         * A label ({@code 1K}, {@code 1.5K}, {@code 2K}, {@code 3K}, {@code 4K}, any case; which ones depends on the
         * model) or {@code WIDTHxHEIGHT}; null for the provider default.
         *
         * @param size the size label or {@code WIDTHxHEIGHT}, or null
         * @return this builder
         */
        public Builder size(String size) {
            this.size = size == null ? null : size.trim().toUpperCase(Locale.ROOT).replace('X', 'x');
            return this;
        }

        /**
         * Explicit output pixels, sent as {@code WIDTHxHEIGHT}.
         *
         * @param width  the width in pixels
         * @param height the height in pixels
         * @return this builder
         */
        public Builder size(int width, int height) {
            this.size = width + "x" + height;
            return this;
        }

        /**
         * -1 (random) to 2147483647; documented for older models, sent only when set.
         *
         * @param seed the seed, or null
         * @return this builder
         */
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * 1 to 10; documented for older models, sent only when set.
         *
         * @param guidanceScale the guidance scale, or null
         * @return this builder
         */
        public Builder guidanceScale(Double guidanceScale) {
            this.guidanceScale = guidanceScale;
            return this;
        }

        /**
         * {@code auto} lets the model produce a group of images; the prompt should say how many.
         *
         * @param mode the mode, or null
         * @return this builder
         */
        public Builder sequentialImageGeneration(SequentialImageGeneration mode) {
            this.sequentialImageGeneration = mode;
            return this;
        }

        /**
         * Upper bound of a group, 1 to 15 (provider default 15). Asking for a group implies
         * {@link SequentialImageGeneration#AUTO} unless {@link #sequentialImageGeneration} says otherwise, as
         * Camel's {@code maxImages} and NiFi's Max Images do; with an explicit
         * {@link SequentialImageGeneration#DISABLED} the provider ignores it (sent all the same, logged at debug).
         *
         * @param maxImages the most images of a group, 1 to 15, or null
         * @return this builder
         */
        public Builder maxImages(Integer maxImages) {
            this.maxImages = maxImages;
            return this;
        }

        /**
         * True asks for Server-Sent Events, one per image as it finishes.
         *
         * @param stream whether to stream the images
         * @return this builder
         */
        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /**
         * How the provider returns each image; null for its default ({@link ResponseFormat#URL}).
         *
         * @param responseFormat the response format, or null
         * @return this builder
         */
        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /**
         * Null leaves the provider default (a visible "AI generated" mark).
         *
         * @param watermark whether to add the mark, or null
         * @return this builder
         */
        public Builder watermark(Boolean watermark) {
            this.watermark = watermark;
            return this;
        }

        /**
         * {@code standard} or {@code fast} (4.0 only); sent as {@code optimize_prompt_options.mode}.
         *
         * @param mode the mode, or null
         * @return this builder
         */
        public Builder optimizePromptMode(String mode) {
            this.optimizePromptMode = mode == null ? null : mode.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * Sent as {@code optimize_prompt_options.thinking}, as given; null leaves it out.
         *
         * @param thinking the value, or null
         * @return this builder
         */
        public Builder optimizePromptThinking(String thinking) {
            this.optimizePromptThinking = thinking == null ? null : thinking.trim();
            return this;
        }

        /**
         * {@code png} or {@code jpeg}, Seedream 5.0 only (4.x always returns JPEG).
         *
         * @param outputFormat the output format, or null
         * @return this builder
         */
        public Builder outputFormat(String outputFormat) {
            this.outputFormat = outputFormat == null ? null : outputFormat.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /**
         * A JSON field the builder does not model yet (e.g. {@code tools}), written as given; the value may be
         * any Jackson-serializable object, or null to send JSON null. Names of known fields are rejected.
         *
         * @param name  the JSON field name, not null
         * @param value the field's value, or null
         * @return this builder
         */
        public Builder extraField(String name, Object value) {
            if (name == null) {
                throw new IllegalArgumentException("Extra field name must not be null");
            }
            extraFields.put(name, value);
            return this;
        }

        /**
         * The request as set, not validated (the client validates every rule at once before it sends). A
         * {@code maxImages} without an explicit mode makes it a group request ({@code auto}).
         *
         * @return the request
         */
        public ImageRequest build() {
            return new ImageRequest(model, prompt, images, size, seed, guidanceScale, sequentialImageGeneration,
                    maxImages, stream, responseFormat, watermark, optimizePromptMode, optimizePromptThinking,
                    outputFormat, extraFields);
        }
    }
}
