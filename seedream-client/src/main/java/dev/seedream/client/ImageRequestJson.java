/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link ImageRequest} as the API's JSON body with Jackson's streaming generator. Only fields the
 * user set are written, so provider defaults apply to the rest. Inline images are base64-encoded by the JDK straight
 * into the body, never built as strings.
 */
final class ImageRequestJson {

    /** Fields this writer sets itself; an extra field with one of these names would be written twice. */
    static final Set<String> KNOWN_FIELDS = Set.of("model", "prompt", "image", "size", "seed", "guidance_scale",
            "sequential_image_generation", "sequential_image_generation_options", "stream", "response_format",
            "watermark", "optimize_prompt_options", "output_format");

    /** Only serializes the user's extra field values, which may be any JSON-able object. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ImageRequestJson() {
    }

    static void write(ImageRequest request, OutputStream out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            writeIfSet(json, "model", request.model());
            json.writeStringField("prompt", request.prompt());
            writeImages(json, out, request.images());
            writeIfSet(json, "size", request.size());
            if (request.seed() != null) {
                json.writeNumberField("seed", request.seed());
            }
            if (request.guidanceScale() != null) {
                json.writeNumberField("guidance_scale", request.guidanceScale());
            }
            writeSequential(json, request);
            if (request.stream()) {
                json.writeBooleanField("stream", true);
            }
            writeIfSet(json, "response_format", request.responseFormat() == null ? null
                    : request.responseFormat().apiValue());
            if (request.watermark() != null) {
                json.writeBooleanField("watermark", request.watermark());
            }
            if (request.optimizePromptMode() != null || request.optimizePromptThinking() != null) {
                json.writeObjectFieldStart("optimize_prompt_options");
                writeIfSet(json, "mode", request.optimizePromptMode());
                writeIfSet(json, "thinking", request.optimizePromptThinking());
                json.writeEndObject();
            }
            writeIfSet(json, "output_format", request.outputFormat());
            writeExtraFields(json, request.extraFields());
            json.writeEndObject();
        }
    }

    /** The API takes a string for one reference and an array for several. */
    private static void writeImages(JsonGenerator json, OutputStream out, List<ReferenceImage> images)
            throws IOException {
        if (images.isEmpty()) {
            return;
        }
        json.writeFieldName("image");
        if (images.size() == 1) {
            writeImage(json, out, images.get(0));
            return;
        }
        json.writeStartArray();
        for (ReferenceImage image : images) {
            writeImage(json, out, image);
        }
        json.writeEndArray();
    }

    private static void writeImage(JsonGenerator json, OutputStream out, ReferenceImage image) throws IOException {
        if (!image.isInline()) {
            json.writeString(image.url());
            return;
        }
        // Base64 and the data URI prefix never need JSON escaping, so the value is written raw: the generator
        // writes the opening quote and prefix as the value (with the comma before it), the JDK's encoder writes the
        // base64 straight into the body, and the generator closes the quote.
        json.writeRawValue("\"" + image.dataUriPrefix());
        json.flush();
        image.writeBase64(out);
        json.writeRaw('"');
    }

    private static void writeSequential(JsonGenerator json, ImageRequest request) throws IOException {
        if (request.sequentialImageGeneration() != null) {
            json.writeStringField("sequential_image_generation", request.sequentialImageGeneration().apiValue());
        }
        if (request.maxImages() != null) {
            json.writeObjectFieldStart("sequential_image_generation_options");
            json.writeNumberField("max_images", request.maxImages());
            json.writeEndObject();
        }
    }

    private static void writeExtraFields(JsonGenerator json, Map<String, Object> extraFields) throws IOException {
        for (Map.Entry<String, Object> field : extraFields.entrySet()) {
            json.writeFieldName(field.getKey());
            json.writeObject(field.getValue());
        }
    }

    private static void writeIfSet(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
