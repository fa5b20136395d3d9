/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the provider's JSON bodies and SSE events. Image payloads are spliced in as wrapped views of the cached
 * base64 bytes, so a 15 × 4K response is assembled without copying or building Strings.
 */
final class ResponseBodies {

    static final String PARTIAL_SUCCEEDED = "image_generation.partial_succeeded";
    static final String PARTIAL_FAILED = "image_generation.partial_failed";
    static final String COMPLETED = "image_generation.completed";
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private ResponseBodies() {
    }

    /** A top-level error; its message ends with the answer's {@code X-Request-Id}, as the provider's do. */
    static ByteBuf error(ApiError error, String requestId) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("code", error.code());
        body.put("message", error.getMessage() + " Request id: " + requestId);
        body.put("param", error.param());
        body.put("type", error.type());
        return Unpooled.wrappedBuffer(Json.bytes(root));
    }

    /** The non-streaming response: {@code model, created, data[], usage}. */
    static ByteBuf generation(GenerationRequest request, long created, List<ImageResult> results,
                              Function<RenderedImage, String> urlFor) {
        List<ByteBuf> parts = new ArrayList<>();
        parts.add(ascii("{\"model\":" + Json.quote(request.model()) + ",\"created\":" + created + ",\"data\":["));
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                parts.add(ascii(","));
            }
            ImageResult result = results.get(i);
            if (result.succeeded()) {
                item(request, result.image(), urlFor, "{", parts);
            } else {
                parts.add(ascii("{\"error\":" + itemError(result.error()) + "}"));
            }
        }
        parts.add(ascii("],\"usage\":" + usage(request, results) + "}"));
        return Unpooled.wrappedBuffer(parts.size(), parts.toArray(new ByteBuf[0]));
    }

    /** One {@code partial_succeeded} or {@code partial_failed} event. */
    static ByteBuf partialEvent(GenerationRequest request, long created, ImageResult result,
                                Function<RenderedImage, String> urlFor) {
        String type = result.succeeded() ? PARTIAL_SUCCEEDED : PARTIAL_FAILED;
        String head = "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"model\":" + Json.quote(request.model())
                + ",\"created\":" + created + ",\"image_index\":" + result.index();
        List<ByteBuf> parts = new ArrayList<>();
        if (result.succeeded()) {
            item(request, result.image(), urlFor, head + ",", parts);
        } else {
            parts.add(ascii(head + ",\"error\":" + itemError(result.error()) + "}"));
        }
        parts.add(ascii("\n\n"));
        return Unpooled.wrappedBuffer(parts.size(), parts.toArray(new ByteBuf[0]));
    }

    /** The {@code completed} event with usage. */
    static ByteBuf completedEvent(GenerationRequest request, long created, List<ImageResult> results) {
        return ascii("event: " + COMPLETED + "\ndata: {\"type\":\"" + COMPLETED + "\",\"model\":"
                + Json.quote(request.model()) + ",\"created\":" + created + ",\"usage\":" + usage(request, results)
                + "}\n\n");
    }

    /** The stream's final {@code data: [DONE]}. */
    static ByteBuf doneEvent() {
        return Unpooled.wrappedBuffer(DONE);
    }

    /** A stream event carrying only a top-level {@code error}: the whole request failed. */
    static ByteBuf errorEvent(ApiError error, String requestId) {
        return Unpooled.wrappedBuffer(ascii("data: "), error(error, requestId), ascii("\n\n"));
    }

    /** Adds {@code <opening>"b64_json"|"url":…,"size":…}} to {@code parts}. */
    private static void item(GenerationRequest request, RenderedImage image, Function<RenderedImage, String> urlFor,
                             String opening, List<ByteBuf> parts) {
        if (request.base64()) {
            parts.add(ascii(opening + "\"b64_json\":\""));
            parts.add(Unpooled.wrappedBuffer(image.base64()));
            parts.add(ascii("\"" + itemTail(request, image)));
        } else {
            parts.add(ascii(opening + "\"url\":" + Json.quote(urlFor.apply(image)) + itemTail(request, image)));
        }
    }

    private static String itemTail(GenerationRequest request, RenderedImage image) {
        String format = request.profile().has(ModelProfile.Capability.PNG_OUTPUT) ? ",\"output_format\":\"" + image.format() + "\"" : "";
        return ",\"size\":\"" + image.size() + "\"" + format + "}";
    }

    private static String itemError(ApiError error) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("code", error.code());
        node.put("message", error.getMessage());
        return new String(Json.bytes(node), StandardCharsets.UTF_8);
    }

    /** Only successful images are billed; {@code input_images} counts the request's references. */
    private static String usage(GenerationRequest request, List<ImageResult> results) {
        long images = results.stream().filter(ImageResult::succeeded).count();
        long tokens = results.stream().mapToLong(ImageResult::outputTokens).sum();
        ObjectNode usage = Json.MAPPER.createObjectNode();
        usage.put("generated_images", images);
        usage.put("output_tokens", tokens);
        usage.put("total_tokens", tokens);
        usage.put("input_images", request.references().size());
        if (request.webSearch()) {
            usage.putObject("tool_usage").put("web_search", 1);
        }
        return new String(Json.bytes(usage), StandardCharsets.UTF_8);
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
