/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SequentialImageGeneration;
import org.apache.nifi.components.AllowableValue;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.components.ValidationContext;
import org.apache.nifi.expression.ExpressionLanguageScope;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.util.StandardValidators;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The generation options every Seedream processor offers, declared once, and the one place that turns their
 * text values into {@link ImageRequest} fields. The batch processor feeds record fields through the same code, so
 * a record field beats the property, which beats the provider's default.
 */
final class RequestOptions {

    private static final Pattern SIZE_PATTERN = Pattern.compile("(?i)[1-9][0-9]?K|[0-9]{1,6}x[0-9]{1,6}");

    static final PropertyDescriptor SIZE = new PropertyDescriptor.Builder()
            .name("Size")
            .description("Output size: a resolution label (1K, 2K, 4K; which ones depends on the model) or "
                    + "WIDTHxHEIGHT such as 2048x2048. Unset leaves the provider's default (2048x2048).")
            .required(false)
            .addValidator(RequestOptions::validateSize)
            .expressionLanguageSupported(ExpressionLanguageScope.FLOWFILE_ATTRIBUTES)
            .build();

    static final PropertyDescriptor SEED = new PropertyDescriptor.Builder()
            .name("Seed")
            .description("Random seed from -1 (random) to 2147483647, for repeatable output where the model "
                    + "supports it. Unset sends no seed.")
            .required(false)
            .addValidator(StandardValidators.createLongValidator(-1, Integer.MAX_VALUE, true))
            .expressionLanguageSupported(ExpressionLanguageScope.FLOWFILE_ATTRIBUTES)
            .build();

    static final PropertyDescriptor MAX_IMAGES = new PropertyDescriptor.Builder()
            .name("Max Images")
            .description("Group generation: with a value from 2 to 15 the model may produce a set of related "
                    + "images (sequential_image_generation=auto), at most this many; the prompt should name the "
                    + "count. Reference images plus generated images may not exceed 15. Unset or 1: one image.")
            .required(false)
            .addValidator(StandardValidators.createLongValidator(1, 15, true))
            .expressionLanguageSupported(ExpressionLanguageScope.FLOWFILE_ATTRIBUTES)
            .build();

    static final AllowableValue FORMAT_B64 = new AllowableValue(ResponseFormat.B64_JSON.apiValue(), "Base64 JSON",
            "The provider sends the image inside the response; it is decoded straight into FlowFile content.");
    static final AllowableValue FORMAT_URL = new AllowableValue(ResponseFormat.URL.apiValue(), "URL",
            "The provider sends a link that expires after 24 hours; the image is downloaded into FlowFile content "
                    + "and the link is kept in seedream.url.");

    static final PropertyDescriptor RESPONSE_FORMAT = new PropertyDescriptor.Builder()
            .name("Response Format")
            .description("How the provider returns each image. Either way the image ends up in FlowFile content.")
            .required(true)
            .allowableValues(FORMAT_B64, FORMAT_URL)
            .defaultValue(FORMAT_B64.getValue())
            .build();

    static final PropertyDescriptor WATERMARK = new PropertyDescriptor.Builder()
            .name("Watermark")
            .description("Whether the provider adds its visible \"AI generated\" mark. Unset leaves the provider's "
                    + "default, which is to add it.")
            .required(false)
            .allowableValues("true", "false")
            .build();

    /** Options shared by every processor, in display order. */
    static final List<PropertyDescriptor> DESCRIPTORS = List.of(SIZE, SEED, MAX_IMAGES, RESPONSE_FORMAT, WATERMARK);

    private RequestOptions() {
    }

    /** A builder with the options evaluated against {@code attributes}. */
    static ImageRequest.Builder fromProperties(ProcessContext context, Map<String, String> attributes) {
        return apply(ImageRequest.builder(), descriptor -> value(context, descriptor, attributes));
    }

    /** Evaluates a property with Expression Language when it supports it; blank is null. */
    static String value(ProcessContext context, PropertyDescriptor descriptor, Map<String, String> attributes) {
        String value = descriptor.isExpressionLanguageSupported()
                ? context.getProperty(descriptor).evaluateAttributeExpressions(attributes).getValue()
                : context.getProperty(descriptor).getValue();
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Sets the options from text values (a property, or a record field that overrides it).
     *
     * @throws IllegalArgumentException naming the option when a value cannot be parsed
     */
    static ImageRequest.Builder apply(ImageRequest.Builder builder, Function<PropertyDescriptor, String> values) {
        builder.size(values.apply(SIZE));
        String seed = values.apply(SEED);
        if (seed != null) {
            builder.seed(parseLong(SEED, seed));
        }
        String maxImages = values.apply(MAX_IMAGES);
        if (maxImages != null) {
            long count = parseLong(MAX_IMAGES, maxImages);
            if (count != 1) {
                builder.sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages((int) count);
            }
        }
        String format = values.apply(RESPONSE_FORMAT);
        builder.responseFormat(ResponseFormat.fromApiValue(format == null ? FORMAT_B64.getValue() : format));
        String watermark = values.apply(WATERMARK);
        if (watermark != null) {
            builder.watermark(parseBoolean(watermark));
        }
        return builder;
    }

    private static long parseLong(PropertyDescriptor descriptor, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(descriptor.getName() + " must be a whole number, got '" + value + "'");
        }
    }

    private static boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("Watermark must be true or false, got '" + value + "'");
    }

    private static ValidationResult validateSize(String subject, String input,
                                                 ValidationContext context) {
        boolean expression = context.isExpressionLanguageSupported(subject)
                && context.isExpressionLanguagePresent(input);
        boolean valid = expression || SIZE_PATTERN.matcher(input.trim()).matches();
        return new ValidationResult.Builder().subject(subject).input(input).valid(valid)
                .explanation(valid ? null : "must be a resolution label such as 2K or WIDTHxHEIGHT such as 2048x2048")
                .build();
    }
}
