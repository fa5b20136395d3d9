/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.Redaction;

import dev.seedream.client.SeedreamValidationException.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an {@link ImageRequest} against the API contract before any network call, collecting every broken
 * rule into one {@link SeedreamValidationException}. The rules that hold for every model are always checked;
 * {@link ValidationMode#STRICT} adds the target model's {@link ModelProfile} limits. Messages name the API
 * field, a redacted value and the rule with its limit and model.
 */
final class RequestValidator {

    /** {@code 2K}, and {@code N.NK} such as {@code 1.5K}: new models add labels, so the syntax is kept open. */
    private static final Pattern LABEL = Pattern.compile("[1-9][0-9]?(\\.[0-9])?K");
    private static final Pattern PIXELS = Pattern.compile("([0-9]{1,9})x([0-9]{1,9})");
    private static final Set<String> OPTIMIZE_PROMPT_MODES = Set.of("standard", "fast");
    private static final Set<String> OUTPUT_FORMATS = Set.of("png", "jpeg");
    private static final String MAX_IMAGES_FIELD = "sequential_image_generation_options.max_images";

    private final ImageRequest request;
    private final ModelProfile profile;
    private final boolean strict;
    private final String model;
    private final List<Violation> violations = new ArrayList<>();

    private RequestValidator(ImageRequest request, ModelProfile profile, ValidationMode mode) {
        this.request = request;
        this.profile = profile;
        this.strict = mode == ValidationMode.STRICT;
        this.model = request.model() == null || request.model().isBlank() ? profile.name() : request.model();
    }

    /**
     * @param request the request to check
     * @param profile the target model's limits, usually {@code ModelProfiles.forModel(model)}
     * @param mode    {@link ValidationMode#STRICT} for all profile limits, or protocol rules only
     * @throws SeedreamValidationException listing every violation, when there is at least one
     */
    static void validate(ImageRequest request, ModelProfile profile, ValidationMode mode) {
        if (request == null || profile == null || mode == null) {
            throw new IllegalArgumentException("request, profile and mode must not be null");
        }
        RequestValidator validator = new RequestValidator(request, profile, mode);
        validator.checkModelAndPrompt();
        validator.checkSize();
        validator.checkSeedAndGuidance();
        validator.checkGroup();
        validator.checkStream();
        validator.checkImageCount();
        for (int i = 0; i < request.images().size(); i++) {
            validator.checkImage("image[" + i + "]", request.images().get(i));
        }
        validator.checkOptions();
        validator.checkExtraFields();
        if (!validator.violations.isEmpty()) {
            throw new SeedreamValidationException(validator.violations);
        }
    }

    private void checkModelAndPrompt() {
        if (request.model() != null && request.model().isBlank()) {
            add("model", "", "must not be blank (leave it null to use the client's default model)");
        }
        if (request.prompt() == null || request.prompt().isBlank()) {
            add("prompt", null, "must not be blank");
        }
    }

    private void checkSize() {
        String size = request.size();
        if (size == null) {
            return;
        }
        if (LABEL.matcher(size).matches()) {
            if (strict && !profile.sizeLabels().contains(size)) {
                add("size", size, "is not a resolution label " + model + " accepts ("
                        + labels(profile.sizeLabels()) + ")");
            }
            return;
        }
        Matcher pixels = PIXELS.matcher(size);
        long width = pixels.matches() ? Long.parseLong(pixels.group(1)) : 0;
        long height = pixels.matches() ? Long.parseLong(pixels.group(2)) : 0;
        if (width <= 0 || height <= 0) {
            add("size", Redaction.truncate(size, 40),
                    "must be a resolution label such as 2K or WIDTHxHEIGHT with positive numbers");
        } else if (strict) {
            checkPixelSize(size, width, height);
        }
    }

    private void checkPixelSize(String size, long width, long height) {
        long area = width * height;
        if (area < profile.minPixels() || area > profile.maxPixels()) {
            add("size", size, "must have a pixel area between " + number(profile.minPixels()) + " and "
                    + number(profile.maxPixels()) + " for " + model + " (got " + number(area) + ")");
        }
        double ratio = (double) width / height;
        if (ratio < profile.minAspectRatio() || ratio > profile.maxAspectRatio()) {
            add("size", size, "must have an aspect ratio between " + ratio(profile.minAspectRatio()) + " and "
                    + ratio(profile.maxAspectRatio()) + " (got " + decimal(ratio) + ")");
        }
    }

    private void checkSeedAndGuidance() {
        Long seed = request.seed();
        if (seed != null && (seed < -1 || seed > Integer.MAX_VALUE)) {
            add("seed", seed.toString(), "must be between -1 (random) and 2147483647");
        }
        Double guidance = request.guidanceScale();
        if (guidance != null && !(guidance >= 1 && guidance <= 10)) {
            add("guidance_scale", guidance.toString(), "must be between 1 and 10");
        }
    }

    /** With {@code disabled} the provider ignores max_images, so that combination is not an error. */
    private void checkGroup() {
        Integer maxImages = request.maxImages();
        if (maxImages != null && (maxImages < 1 || maxImages > profile.maxImages())) {
            add(MAX_IMAGES_FIELD, maxImages.toString(), "must be between 1 and " + profile.maxImages());
        }
    }

    /** The one per-model option the provider is documented to refuse outright (5.0 Pro: 400, param stream). */
    private void checkStream() {
        if (strict && request.stream() && !profile.streaming()) {
            add("stream", "true", "is not supported by " + model + " (it answers with all images at once)");
        }
    }

    private void checkImageCount() {
        int references = request.images().size();
        if (strict && references > profile.maxReferenceImages()) {
            add("image", null, "has " + references + " entries but " + model + " accepts at most "
                    + profile.maxReferenceImages());
        }
        Integer maxImages = request.maxImages();
        boolean explicitGroup = request.maxOutputImages(profile) > 1 && maxImages != null && maxImages >= 1
                && maxImages <= profile.maxImages();
        int outputs = explicitGroup ? maxImages : 1;
        if (references + outputs <= profile.maxTotalImages()) {
            return;
        }
        String rule = "plus " + references + " reference image(s) exceeds " + profile.maxTotalImages()
                + " images in total (references + generated)";
        if (explicitGroup) {
            add(MAX_IMAGES_FIELD, maxImages.toString(), rule);
        } else {
            add("image", null, "has " + references + " entries, which with at least 1 generated image exceeds "
                    + profile.maxTotalImages() + " images in total (references + generated)");
        }
    }

    private void checkImage(String field, ReferenceImage image) {
        if (!image.isInline()) {
            checkUrl(field, image.url());
            return;
        }
        ModelProfile.ReferenceLimits limits = profile.references();
        String accepted = model + " accepts " + formats(limits.formats());
        if (!image.mimeType().startsWith("image/")) {
            add(field, null, "is " + image.mimeType() + ", not an image: " + accepted);
        } else if (strict && (image.format() == null || !limits.formats().contains(image.format()))) {
            add(field, null, "is " + image.mimeType() + ": " + accepted);
        } else if (strict) {
            if (image.byteSize() > limits.maxBytes()) {
                add(field, image.toString(), "has " + number(image.byteSize()) + " bytes but " + model
                        + " accepts at most " + Redaction.bytes(limits.maxBytes()) + " (" + number(limits.maxBytes())
                        + " bytes) per reference image");
            }
            checkDimensions(field, image, limits);
        }
    }

    /** Unknown dimensions (HEIC, unusual headers) are left to the provider rather than guessed. */
    private void checkDimensions(String field, ReferenceImage image, ModelProfile.ReferenceLimits limits) {
        long width = image.width();
        long height = image.height();
        if (width <= 0 || height <= 0) {
            return;
        }
        String pixels = width + "x" + height + " px";
        if (width <= limits.minSideExclusive() || height <= limits.minSideExclusive()) {
            add(field, null, "is " + pixels + " but each side must be greater than " + limits.minSideExclusive()
                    + " px for " + model);
        }
        if (width * height > limits.maxPixels()) {
            add(field, null, "is " + pixels + " (" + number(width * height) + " pixels) but " + model
                    + " accepts at most " + number(limits.maxPixels()) + " pixels");
        }
        double ratio = (double) width / height;
        if (ratio < limits.minAspectRatio() || ratio > limits.maxAspectRatio()) {
            add(field, null, "is " + pixels + " with aspect ratio " + decimal(ratio) + " but " + model
                    + " accepts between " + ratio(limits.minAspectRatio()) + " and " + ratio(limits.maxAspectRatio()));
        }
    }

    private void checkUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        add(field, Redaction.url(url), "must be an absolute http or https URL (https recommended; "
                + "for a local file use ReferenceImage.path or bytes)");
    }

    private void checkOptions() {
        String mode = request.optimizePromptMode();
        if (mode != null && !OPTIMIZE_PROMPT_MODES.contains(mode)) {
            add("optimize_prompt_options.mode", Redaction.truncate(mode, 40), "must be 'standard' or 'fast'");
        } else if (mode != null && strict && !profile.optimizePromptModes().contains(mode)) {
            add("optimize_prompt_options.mode", mode, "is not supported by " + model + " (accepts "
                    + sorted(profile.optimizePromptModes()) + ")");
        }
        String thinking = request.optimizePromptThinking();
        if (thinking != null && thinking.isEmpty()) {
            add("optimize_prompt_options.thinking", "", "must not be blank (leave it null to omit it)");
        }
        String outputFormat = request.outputFormat();
        if (outputFormat != null && !OUTPUT_FORMATS.contains(outputFormat)) {
            add("output_format", Redaction.truncate(outputFormat, 40), "must be 'png' or 'jpeg'");
        } else if (outputFormat != null && strict && !profile.outputFormatSupported()) {
            add("output_format", outputFormat, "is supported only by Seedream 5.0; " + model + " always returns JPEG");
        }
    }

    /** Extra field values are never shown: they may hold anything, including secrets. */
    private void checkExtraFields() {
        for (String name : request.extraFields().keySet()) {
            if (name.isBlank()) {
                add("extra field", "", "name must not be blank");
            } else if (ImageRequestJson.KNOWN_FIELDS.contains(name)) {
                add(Redaction.truncate(name, 40), null, "is a field the builder sets itself; use its own setter, "
                        + "not extraField");
            }
        }
    }

    private void add(String field, String value, String rule) {
        violations.add(new Violation(field, value, rule));
    }

    private static String formats(Set<ImageFormat> formats) {
        List<String> names = new ArrayList<>();
        for (ImageFormat format : ImageFormat.values()) {
            if (formats.contains(format)) {
                names.add(format.name());
            }
        }
        return joinOr(names);
    }

    /** Labels in size order: 1K, 1.5K, 2K, … */
    private static String labels(Set<String> labels) {
        return String.join(", ", labels.stream()
                .sorted(Comparator.comparingDouble(label -> Double.parseDouble(label.substring(0, label.length() - 1))))
                .toList());
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }

    private static String joinOr(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Limits read as the contract writes them: 16, 3, 1/3, 1/16. */
    private static String ratio(double value) {
        if (value >= 1) {
            return value == Math.rint(value) ? String.valueOf((long) value) : decimal(value);
        }
        double inverse = 1 / value;
        return Math.abs(inverse - Math.rint(inverse)) < 1e-9 ? "1/" + Math.round(inverse) : decimal(value);
    }

    private static String decimal(double value) {
        double scale = value >= 0.1 ? 100 : 10_000;
        return String.valueOf(Math.round(value * scale) / scale);
    }
}
