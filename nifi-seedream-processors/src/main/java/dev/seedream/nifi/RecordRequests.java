/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.serialization.record.Record;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps one record of a batch to a request. A record field beats the processor property of the same option,
 * which beats the provider's default; field names are the API's own (prompt, size, seed, max_images, …).
 */
final class RecordRequests {

    static final String PROMPT = "prompt";
    static final String MODEL = "model";
    static final String REFERENCE_URLS = "reference_urls";

    private static final Map<PropertyDescriptor, String> FIELDS = Map.of(
            RequestOptions.SIZE, "size",
            RequestOptions.SEED, "seed",
            RequestOptions.MAX_IMAGES, "max_images",
            RequestOptions.RESPONSE_FORMAT, "response_format",
            RequestOptions.WATERMARK, "watermark");

    private RecordRequests() {
    }

    /** Field names a record may carry, for documentation and messages. */
    static String fieldNames() {
        return String.join(", ", PROMPT, "size", "seed", "max_images", "response_format", "watermark",
                REFERENCE_URLS, MODEL);
    }

    /**
     * @param defaults the processor's option values, already evaluated against the input FlowFile
     * @throws IllegalArgumentException or a validation exception naming the bad field
     */
    static ImageRequest toRequest(Record record, Function<PropertyDescriptor, String> defaults) {
        ImageRequest.Builder builder = RequestOptions.apply(ImageRequest.builder(), descriptor -> {
            String field = text(record, FIELDS.get(descriptor));
            return field != null ? field : defaults.apply(descriptor);
        });
        String prompt = text(record, PROMPT);
        if (prompt == null) {
            throw new IllegalArgumentException("Record has no '" + PROMPT + "' field value; accepted fields: "
                    + fieldNames());
        }
        builder.prompt(prompt).model(text(record, MODEL));
        Object references = record.getValue(REFERENCE_URLS);
        if (references instanceof Object[] array) {
            Arrays.stream(array).filter(url -> url != null && !url.toString().isBlank())
                    .forEach(url -> builder.image(ReferenceImage.url(url.toString().trim())));
        } else if (references != null) {
            Arrays.stream(references.toString().split(",")).map(String::trim).filter(url -> !url.isEmpty())
                    .forEach(url -> builder.image(ReferenceImage.url(url)));
        }
        return builder.build();
    }

    private static String text(Record record, String field) {
        String value = record.getAsString(field);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
