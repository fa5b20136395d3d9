/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.List;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageSink;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Maps a {@link GenerationResult} onto the message. The body's shape follows the request, never the outcome, so a
 * route need not test it: a single-image request gives the image itself ({@code byte[]}, or a {@code Path} with an
 * output directory; null when the provider refused it), a group request always a {@code List<GeneratedImage>} in
 * index order (even of one or none), each holding its index, size and MIME type beside the content. An image body
 * carries its MIME type in {@code Content-Type} too, for the components that send it on (HTTP, mail).
 */
final class SeedreamResultSupport {

    private SeedreamResultSupport() {
    }

    static void writeResult(Message out, GenerationResult<Object> result, boolean group) {
        List<GeneratedImage<Object>> images = result.images();
        if (group) {
            writeBody(out, images, null);
        } else if (images.isEmpty()) {
            writeBody(out, null, null); // the provider refused the one image; CamelSeedreamFailedImages says why
        } else {
            writeBody(out, images.get(0).content(), images.get(0).mimeType());
        }
        out.setHeader(SeedreamConstants.IMAGE_COUNT, images.size());
        if (!images.isEmpty()) {
            writeImageHeaders(out, images.get(0));
        }
        out.setHeader(SeedreamConstants.RESPONSE_MODEL, result.model());
        result.usage().ifPresent(usage -> { // a stream without its completion event reports none
            out.setHeader(SeedreamConstants.USAGE_GENERATED_IMAGES, usage.generatedImages());
            out.setHeader(SeedreamConstants.USAGE_OUTPUT_TOKENS, usage.outputTokens());
            out.setHeader(SeedreamConstants.USAGE_TOTAL_TOKENS, usage.totalTokens());
        });
        out.setHeader(SeedreamConstants.REQUEST_ID, result.requestId());
        out.setHeader(SeedreamConstants.ATTEMPTS, result.attempts());
        if (!result.failures().isEmpty()) {
            out.setHeader(SeedreamConstants.FAILED_IMAGES, result.failures());
        }
    }

    /**
     * Sets the body with the {@link Exchange#CONTENT_TYPE} that describes it: the MIME type of an image body, none
     * for any other body (a Content-Type from upstream described the input, such as the prompt, not this body).
     */
    static void writeBody(Message out, Object body, String contentType) {
        out.setBody(body);
        if (contentType != null) {
            out.setHeader(Exchange.CONTENT_TYPE, contentType);
        } else {
            out.removeHeader(Exchange.CONTENT_TYPE);
        }
    }

    /** Headers describing one image; on a whole result they describe the first. */
    static void writeImageHeaders(Message out, GeneratedImage<?> image) {
        out.setHeader(SeedreamConstants.IMAGE_INDEX, image.index());
        out.setHeader(SeedreamConstants.IMAGE_SIZE, image.size());
        out.setHeader(SeedreamConstants.MIME_TYPE, image.mimeType());
        if (image.url() != null) {
            out.setHeader(SeedreamConstants.IMAGE_URL, image.url());
        }
    }

    /**
     * Views a sink of any content type as a sink of {@code Object}, so one code path serves memory and file
     * output. Safe: the content type only ever flows out of a sink, never in.
     */
    @SuppressWarnings("unchecked")
    static ImageSink<Object> widen(ImageSink<?> sink) {
        return (ImageSink<Object>) sink;
    }
}
