/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SequentialImageGeneration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

/**
 * Turns a message into an {@link ImageRequest} with one precedence rule for every field: a header beats the
 * endpoint option, which beats the client's (or the provider's) default. A field resolved to null is not sent.
 */
final class SeedreamRequestSupport {

    private SeedreamRequestSupport() {
    }

    /** Every field but prompt and references, from headers and options. */
    static ImageRequest.Builder baseRequest(Message in, SeedreamConfiguration config) {
        ImageRequest.Builder builder = ImageRequest.builder()
                .model(resolve(in, SeedreamConstants.MODEL, String.class, config.getModel()))
                .size(resolve(in, SeedreamConstants.SIZE, String.class, config.getSize()))
                .seed(resolve(in, SeedreamConstants.SEED, Long.class, config.getSeed()))
                .watermark(resolve(in, SeedreamConstants.WATERMARK, Boolean.class, config.getWatermark()))
                .outputFormat(resolve(in, SeedreamConstants.OUTPUT_FORMAT, String.class, config.getOutputFormat()))
                .optimizePromptMode(resolve(in, SeedreamConstants.OPTIMIZE_PROMPT_MODE, String.class,
                        config.getOptimizePromptMode()))
                .stream(config.isStream());
        String format = resolve(in, SeedreamConstants.RESPONSE_FORMAT, String.class, config.getResponseFormat());
        if (format != null) {
            builder.responseFormat(ResponseFormat.fromApiValue(format));
        }
        Integer maxImages = resolve(in, SeedreamConstants.MAX_IMAGES, Integer.class, config.getMaxImages());
        if (maxImages != null) {
            // max_images means nothing without sequential generation; asking for a group implies it.
            builder.sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(maxImages);
        }
        return builder;
    }

    /**
     * The prompt: header, then a String body when the operation takes one, then the {@code prompt} option.
     *
     * @throws IllegalArgumentException naming every source when none gives a prompt
     */
    static String prompt(Message in, SeedreamConfiguration config, boolean bodyIsPrompt) {
        String prompt = in.getHeader(SeedreamConstants.PROMPT, String.class);
        if (isBlank(prompt) && bodyIsPrompt) {
            prompt = in.getBody(String.class); // a String, or text Camel can convert (a file, bytes)
        }
        if (isBlank(prompt)) {
            prompt = config.getPrompt();
        }
        if (isBlank(prompt)) {
            throw new IllegalArgumentException("No Seedream prompt: set the " + SeedreamConstants.PROMPT
                    + " header" + (bodyIsPrompt ? ", a String body" : "") + " or the 'prompt' endpoint option");
        }
        return prompt;
    }

    /**
     * Reference images from a single value, a Collection or an array of them. Types {@link ReferenceImage#from}
     * does not know (a Camel GenericFile, for instance) are converted to {@code byte[]} by Camel.
     */
    static List<ReferenceImage> references(Exchange exchange, Object source) {
        List<ReferenceImage> images = new ArrayList<>();
        if (source instanceof Iterable<?> many && !(source instanceof Path)) { // a Path iterates names
            many.forEach(item -> images.add(reference(exchange, item)));
        } else if (source instanceof Object[] many) {
            Arrays.stream(many).forEach(item -> images.add(reference(exchange, item)));
        } else if (source != null) {
            images.add(reference(exchange, source)); // byte[] is one image, not a list of bytes
        }
        return images;
    }

    private static ReferenceImage reference(Exchange exchange, Object item) {
        if (item == null || ReferenceImage.isSupportedSource(item)) {
            return ReferenceImage.from(item);
        }
        byte[] bytes = exchange.getContext().getTypeConverter().convertTo(byte[].class, exchange, item);
        return ReferenceImage.from(bytes != null ? bytes : item); // unconvertible: from() names the accepted types
    }

    private static <T> T resolve(Message in, String header, Class<T> type, T option) {
        T value;
        try {
            value = in.getHeader(header, type);
        } catch (TypeConversionException e) {
            String given = String.valueOf(in.getHeader(header));
            throw new IllegalArgumentException("Header " + header + " must be a " + type.getSimpleName() + ", got '"
                    + (given.length() > 40 ? given.substring(0, 40) + "…" : given) + "'", e);
        }
        return value != null ? value : option;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
