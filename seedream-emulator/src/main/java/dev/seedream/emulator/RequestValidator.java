/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.ModelProfile.Capability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a generation body field by field against the API doc and the model's profile, failing with the provider's
 * status, code and {@code param}. Unknown fields are ignored, as the provider does.
 */
final class RequestValidator {

    private static final Pattern PIXELS = Pattern.compile("(\\d{1,6})[xX](\\d{1,6})");
    private static final String MAX_IMAGES_PARAM = "sequential_image_generation_options.max_images";

    private final ReferenceResolver references;

    RequestValidator(ReferenceResolver references) {
        this.references = references;
    }

    /** {@code config} supplies the endpoint mapping and the models not open for the key. */
    GenerationRequest validate(JsonNode body, EmulatorConfig config) {
        if (body == null || !body.isObject()) {
            throw ApiError.invalid("", "The request body must be a JSON object.");
        }
        String model = requiredText(body, "model");
        ModelProfile profile = profile(model, config);
        String prompt = requiredText(body, "prompt");
        int[] size = size(body, profile);
        List<ReferenceImage> refs = references(body, profile);
        boolean base64 = oneOf(body, "response_format", Set.of("url", "b64_json"), "url").equals("b64_json");
        int count = imageCount(body, refs.size(), profile);
        boolean stream = stream(body, profile);
        bool(body, "watermark", true);
        bool(body, "optimize_prompt", false);
        optimizePromptOptions(body, profile);
        String outputFormat = profile.has(Capability.PNG_OUTPUT)
                ? oneOf(body, "output_format", Set.of("png", "jpeg"), "jpeg") : "jpeg";
        boolean webSearch = tools(body, profile);
        long seed = seed(body);
        number(body, "guidance_scale");
        return new GenerationRequest(model, profile, prompt, size[0], size[1], seed, refs, count, base64, stream,
                outputFormat, webSearch);
    }

    private static ModelProfile profile(String model, EmulatorConfig config) {
        if (config.notOpenModels().contains(model)) {
            throw ApiError.of(404, "ModelNotOpen", "The model " + model + " is not activated for your account. "
                    + "Activate it in the console and retry.");
        }
        return ModelProfile.forRequest(model, config.endpoints()).orElseThrow(() -> ApiError.of(404,
                "InvalidEndpointOrModel.NotFound",
                "The model or endpoint " + model + " does not exist or you do not have access to it."));
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            throw ApiError.missing(field);
        }
        if (!node.isTextual()) {
            throw ApiError.invalid(field, "The parameter `" + field + "` must be a string.");
        }
        return node.asText();
    }

    private static int[] size(JsonNode body, ModelProfile profile) {
        JsonNode node = body.get("size");
        if (node == null || node.isNull()) {
            return new int[] {2048, 2048};
        }
        String value = node.isTextual() ? node.asText().trim() : "";
        String label = value.toUpperCase(Locale.ROOT);
        if (ModelProfile.LABEL_SIDES.containsKey(label)) {
            if (!profile.sizeLabels().contains(label)) {
                throw ApiError.invalid("size", "The parameter `size` value " + value + " is not supported by this "
                        + "model; use one of " + profile.sizeLabels() + " or WIDTHxHEIGHT.");
            }
            int side = ModelProfile.LABEL_SIDES.get(label);
            return new int[] {side, side};
        }
        Matcher m = PIXELS.matcher(value);
        if (!m.matches()) {
            throw ApiError.invalid("size", "The parameter `size` specified in the request is not valid: " + node
                    + ". Use a resolution label " + profile.sizeLabels() + " or WIDTHxHEIGHT.");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        checkPixels(width, height, profile);
        return new int[] {width, height};
    }

    private static void checkPixels(int width, int height, ModelProfile profile) {
        long area = (long) width * height;
        if (area < profile.minArea() || area > profile.maxArea()) {
            throw ApiError.invalid("size", "The parameter `size` " + width + "x" + height + " has a total pixel "
                    + "area outside [" + profile.minArea() + ", " + profile.maxArea() + "] for this model.");
        }
        double aspect = (double) width / height;
        if (aspect > ModelProfile.MAX_ASPECT || aspect < 1 / ModelProfile.MAX_ASPECT) {
            throw ApiError.invalid("size", "The parameter `size` " + width + "x" + height
                    + " has an aspect ratio outside [1/16, 16].");
        }
    }

    private List<ReferenceImage> references(JsonNode body, ModelProfile profile) {
        JsonNode node = body.get("image");
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return List.of();
        } else if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw ApiError.invalid("image", "The parameter `image` must be a string or an array of strings.");
                }
                values.add(item.asText());
            }
        } else {
            throw ApiError.invalid("image", "The parameter `image` must be a string or an array of strings.");
        }
        if (values.size() > profile.maxReferences()) {
            throw ApiError.invalid("image", "This model accepts at most " + profile.maxReferences()
                    + " reference images; the request has " + values.size() + ".");
        }
        List<ReferenceImage> resolved = new ArrayList<>(values.size());
        for (String value : values) {
            resolved.add(references.resolve(value, profile.referenceLimits()));
        }
        return resolved;
    }

    /**
     * {@code auto}: {@code max_images}, or as many as the 15-image budget leaves. {@code disabled}, or a model without
     * image sets: one image, and the set options are not looked at (the provider ignores them).
     */
    private static int imageCount(JsonNode body, int referenceCount, ModelProfile profile) {
        String mode = oneOf(body, "sequential_image_generation", Set.of("auto", "disabled"), "disabled");
        if (!mode.equals("auto") || !profile.has(Capability.IMAGE_SETS)) {
            return 1;
        }
        Integer maxImages = maxImages(body);
        if (maxImages == null) {
            return ModelProfile.MAX_TOTAL_IMAGES - referenceCount;
        }
        if (maxImages + referenceCount > ModelProfile.MAX_TOTAL_IMAGES) {
            throw ApiError.invalid(MAX_IMAGES_PARAM, "Reference images (" + referenceCount + ") plus max_images ("
                    + maxImages + ") must not exceed " + ModelProfile.MAX_TOTAL_IMAGES + ".");
        }
        return maxImages;
    }

    private static Integer maxImages(JsonNode body) {
        JsonNode options = body.get("sequential_image_generation_options");
        if (options == null || options.isNull()) {
            return null;
        }
        if (!options.isObject()) {
            throw ApiError.invalid("sequential_image_generation_options", "The parameter "
                    + "`sequential_image_generation_options` must be an object.");
        }
        JsonNode max = options.get("max_images");
        if (max == null || max.isNull()) {
            return null;
        }
        if (!max.isIntegralNumber() || max.asLong() < 1 || max.asLong() > ModelProfile.MAX_TOTAL_IMAGES) {
            throw ApiError.invalid(MAX_IMAGES_PARAM, "The parameter `max_images` must be an integer within [1, "
                    + ModelProfile.MAX_TOTAL_IMAGES + "].");
        }
        return max.asInt();
    }

    private static void optimizePromptOptions(JsonNode body, ModelProfile profile) {
        JsonNode options = body.get("optimize_prompt_options");
        if (options == null || options.isNull()) {
            return;
        }
        if (!options.isObject()) {
            throw ApiError.invalid("optimize_prompt_options", "The parameter `optimize_prompt_options` must be an "
                    + "object.");
        }
        Set<String> modes = profile.has(Capability.FAST_MODE) ? Set.of("standard", "fast") : Set.of("standard");
        oneOf(options, "mode", modes, "standard", "optimize_prompt_options.mode");
        // The SDKs model `thinking` as a string and no source lists its values: any string passes.
        JsonNode thinking = options.get("thinking");
        if (thinking != null && !thinking.isNull() && !thinking.isTextual()) {
            throw ApiError.invalid("optimize_prompt_options.thinking", "The parameter "
                    + "`optimize_prompt_options.thinking` must be a string.");
        }
    }

    private static boolean stream(JsonNode body, ModelProfile profile) {
        boolean stream = bool(body, "stream", false);
        if (stream && !profile.has(Capability.STREAM)) {
            throw ApiError.invalid("stream", "The parameter `stream` is not supported by this model.");
        }
        return stream;
    }

    private static boolean tools(JsonNode body, ModelProfile profile) {
        JsonNode tools = body.get("tools");
        if (tools == null || tools.isNull()) {
            return false;
        }
        if (!profile.has(Capability.WEB_SEARCH)) {
            throw ApiError.invalid("tools", "The parameter `tools` is only supported by Seedream 5.0 Lite.");
        }
        if (!tools.isArray()) {
            throw ApiError.invalid("tools", "The parameter `tools` must be an array.");
        }
        boolean webSearch = false;
        for (JsonNode tool : tools) {
            if (!tool.isObject() || !"web_search".equals(tool.path("type").asText())) {
                throw ApiError.invalid("tools", "Only tools of type `web_search` are supported.");
            }
            webSearch = true;
        }
        return webSearch;
    }

    private static long seed(JsonNode body) {
        JsonNode seed = body.get("seed");
        if (seed == null || seed.isNull()) {
            return 0;
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw ApiError.invalid("seed", "The parameter `seed` must be an integer.");
        }
        return seed.asLong();
    }

    private static void number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && !node.isNumber()) {
            throw ApiError.invalid(field, "The parameter `" + field + "` must be a number.");
        }
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw ApiError.invalid(field, "The parameter `" + field + "` must be a boolean.");
        }
        return node.asBoolean();
    }

    private static String oneOf(JsonNode body, String field, Set<String> allowed, String fallback) {
        return oneOf(body, field, allowed, fallback, field);
    }

    private static String oneOf(JsonNode body, String field, Set<String> allowed, String fallback, String param) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            throw ApiError.invalid(param, "The parameter `" + param + "` specified in the request is not valid: "
                    + node + ". Allowed: " + allowed + ".");
        }
        return node.asText();
    }
}
