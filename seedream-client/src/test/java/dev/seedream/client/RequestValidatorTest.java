/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.seedream.client.SeedreamValidationException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private static final String V40 = "seedream-4-0-250828";
    private static final String V45 = "seedream-4-5-251128";
    private static final String V50 = "seedream-5-0-260128";
    private static final String PRO = "seedream-5-0-pro-260628";

    @Test
    void completeValidRequestsPassStrictValidation() {
        ImageRequest v40 = request(V40).image(jpeg(1024, 1024)).image(ReferenceImage.url("https://example.com/a.png"))
                .size("2K").seed(-1L).guidanceScale(2.5).sequentialImageGeneration(SequentialImageGeneration.AUTO)
                .maxImages(4).stream(true).responseFormat(ResponseFormat.B64_JSON).watermark(false)
                .optimizePromptMode("fast").extraField("tools", List.of(Map.of("type", "web_search"))).build();
        ImageRequest v50 = request(V50).size("3K").outputFormat("png").image(webp(800, 600)).build();

        assertThat(strict(v40)).isEmpty();
        assertThat(strict(v50)).isEmpty();
        assertThat(strict(request(V45).size(2560, 1440).build())).isEmpty();
    }

    @Test
    void blankPromptIsRejectedInEveryMode() {
        SeedreamValidationException e = protocolFails(ImageRequest.builder().prompt("  "));

        assertThat(e.violations()).containsExactly(new Violation("prompt", null, "must not be blank"));
        assertThat(e.getMessage()).isEqualTo("Invalid Seedream request: prompt must not be blank");
        assertThat(e.errorCode()).isEqualTo(SeedreamValidationException.ERROR_CODE);
    }

    @Test
    void elevenReferencesAreTooManyFor50ProButNotFor40Or45() {
        assertThat(messages(strict(withReferences(request(PRO), 11).build())))
                .containsExactly("image has 11 entries but seedream-5-0-pro-260628 accepts at most 10");
        assertThat(messages(strict(withReferences(request("doubao-" + PRO), 11).build())))
                .containsExactly("image has 11 entries but doubao-seedream-5-0-pro-260628 accepts at most 10");
        // 4.0: sources say 10 or 14; the wider reading wins
        assertThat(strict(withReferences(request(V40), 14).build())).isEmpty();
        assertThat(strict(withReferences(request(V45), 14).build())).isEmpty();
    }

    @Test
    void sixteenImagesLeaveNoRoomForAnOutput() {
        SeedreamValidationException e = protocolFails(withReferences(request(V45), 16));

        assertThat(messages(e.violations())).containsExactly("image has 16 entries, which with at least 1 generated"
                + " image exceeds 15 images in total (references + generated)");
    }

    @Test
    void referencesPlusRequestedGroupSizeMayNotExceedFifteen() {
        SeedreamValidationException e = protocolFails(withReferences(request(V45), 5)
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(11));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("sequential_image_generation_options.max_images");
        assertThat(e.getMessage()).contains("'11' plus 5 reference image(s) exceeds 15 images in total");
        assertThat(withReferences(request(V45), 5).sequentialImageGeneration(SequentialImageGeneration.AUTO)
                .maxImages(10).build().maxOutputImages()).isEqualTo(10);
    }

    @Test
    void maxImagesMustBeOneToFifteenAndIsAcceptedBesideDisabled() {
        assertThat(messages(protocolFails(request(V40).maxImages(16)).violations()))
                .containsExactly("sequential_image_generation_options.max_images '16' must be between 1 and 15");
        assertThat(messages(protocolFails(request(V40).maxImages(0)).violations()))
                .containsExactly("sequential_image_generation_options.max_images '0' must be between 1 and 15");
        // the provider ignores max_images with disabled, so it must not be refused here
        ImageRequest disabled = request(V40).maxImages(3).sequentialImageGeneration(SequentialImageGeneration.DISABLED)
                .build();
        assertThat(strict(disabled)).isEmpty();
        assertThat(disabled.maxOutputImages()).isEqualTo(1);
    }

    @Test
    void extremeAspectRatioAndSmallAreaAreBothReported() {
        List<Violation> violations = strict(request(V40).size("5000x100").build());

        assertThat(messages(violations)).containsExactly(
                "size '5000x100' must have a pixel area between 921,600 and 16,777,216 for seedream-4-0-250828"
                        + " (got 500,000)",
                "size '5000x100' must have an aspect ratio between 1/16 and 16 (got 50.0)");
    }

    @Test
    void pixelAreaLimitsDependOnTheModel() {
        assertThat(strict(request(V40).size(1280, 720).build())).isEmpty();
        assertThat(messages(strict(request(V45).size(1280, 720).build()))).containsExactly(
                "size '1280x720' must have a pixel area between 3,686,400 and 16,777,216 for seedream-4-5-251128"
                        + " (got 921,600)");
        assertThat(messages(strict(request(V50).size(4097, 4096).build())))
                .allMatch(message -> message.contains("16,777,216"));
    }

    @Test
    void sizeLabelsAreCheckedPerModelAndNormalizedToUpperCase() {
        assertThat(request(V40).size("2k").build().size()).isEqualTo("2K");
        assertThat(messages(strict(request(V40).size("3K").build())))
                .containsExactly("size '3K' is not a resolution label seedream-4-0-250828 accepts (1K, 2K, 4K)");
        assertThat(messages(strict(request(V45).size("1K").build())))
                .containsExactly("size '1K' is not a resolution label seedream-4-5-251128 accepts (2K, 4K)");
        assertThat(strict(request(V50).size("3K").build())).isEmpty();
    }

    @Test
    void fractionalLabelsPassTheProtocolAndAreCheckedPerModel() {
        ImageRequest label = request(V40).size("1.5k").build();

        assertThat(label.size()).isEqualTo("1.5K");
        assertThatCode(() -> RequestValidator.validate(label, ModelProfiles.forModel(V40),
                ValidationMode.PROTOCOL_ONLY)).doesNotThrowAnyException();
        assertThat(messages(strict(label)))
                .containsExactly("size '1.5K' is not a resolution label seedream-4-0-250828 accepts (1K, 2K, 4K)");
        assertThat(strict(label.withModel(PRO))).isEmpty();
        assertThat(protocolFails(request(V40).size("1.55K")).violations()).extracting(Violation::field)
                .containsExactly("size");
    }

    @Test
    void seedream50ProHasItsOwnLimits() {
        assertThat(messages(strict(request(PRO).size("4K").build())))
                .containsExactly("size '4K' is not a resolution label seedream-5-0-pro-260628 accepts (1K, 1.5K, 2K)");
        assertThat(strict(request(PRO).size(2150, 2150).build())).isEmpty(); // 4,622,500 px
        assertThat(messages(strict(request(PRO).size(2151, 2150).build()))).containsExactly(
                "size '2151x2150' must have a pixel area between 921,600 and 4,624,220 for seedream-5-0-pro-260628"
                        + " (got 4,624,650)");
        assertThat(messages(strict(request(PRO).stream(true).build()))).containsExactly(
                "stream 'true' is not supported by seedream-5-0-pro-260628 (it answers with all images at once)");
        assertThat(strict(request(PRO).outputFormat("png").image(heic()).build())).isEmpty();
        // no image sets: the request is not refused (the provider may accept it) but reserves one image
        ImageRequest group = request(PRO).maxImages(4).build();
        assertThat(strict(group)).isEmpty();
        assertThat(group.maxOutputImages()).isEqualTo(1);
        assertThat(ModelProfiles.forModel(PRO)).isSameAs(ModelProfiles.SEEDREAM_5_0_PRO);
    }

    @Test
    void endpointIdsGetTheWidestLimits() {
        ImageRequest wide = withReferences(request("ep-20250101-abcde"), 14).size("1.5K").stream(true)
                .optimizePromptMode("fast").outputFormat("png").build();

        assertThat(strict(wide)).isEmpty();
        assertThat(strict(wide.toBuilder().images(List.of()).size("3K").build())).isEmpty();
        assertThat(strict(wide.toBuilder().images(List.of()).size(1280, 720).build())).isEmpty();
        assertThat(strict(wide.toBuilder().images(List.of()).size(4096, 4096).build())).isEmpty();
    }

    @Test
    void thinkingIsPassedThroughButNotBlank() {
        assertThat(strict(request(V45).optimizePromptThinking("auto").build())).isEmpty();
        assertThat(messages(protocolFails(request(V45).optimizePromptThinking("  ")).violations()))
                .containsExactly("optimize_prompt_options.thinking '' must not be blank (leave it null to omit it)");
    }

    @Test
    void malformedSizesAreRejectedInEveryMode() {
        for (ImageRequest.Builder builder : List.of(request(V40).size("big"), request(V40).size("0x100"),
                request(V40).size(-5, 10), request(V40).size("2048*2048"))) {
            assertThat(protocolFails(builder).violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("size",
                            "must be a resolution label such as 2K or WIDTHxHEIGHT with positive numbers"));
        }
        assertThat(request(V40).size("2048X2048").build().size()).isEqualTo("2048x2048");
    }

    @Test
    void seedMustBeMinusOneToIntMax() {
        assertThat(messages(protocolFails(request(V40).seed(-5L)).violations()))
                .containsExactly("seed '-5' must be between -1 (random) and 2147483647");
        assertThat(protocolFails(request(V40).seed(2_147_483_648L)).violations()).hasSize(1);
        assertThat(strict(request(V40).seed(-1L).build())).isEmpty();
        assertThat(strict(request(V40).seed(2_147_483_647L).build())).isEmpty();
    }

    @Test
    void guidanceScaleMustBeOneToTen() {
        for (double bad : new double[] {0.5, 10.5, Double.NaN}) {
            assertThat(protocolFails(request(V40).guidanceScale(bad)).violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("guidance_scale", "must be between 1 and 10"));
        }
    }

    @Test
    void unknownEnumValuesAreRejected() {
        assertThat(messages(protocolFails(request(V40).optimizePromptMode("turbo").outputFormat("gif")).violations()))
                .containsExactly("optimize_prompt_options.mode 'turbo' must be 'standard' or 'fast'",
                        "output_format 'gif' must be 'png' or 'jpeg'");
        assertThat(messages(strict(request(V45).optimizePromptMode("FAST").build()))).containsExactly(
                "optimize_prompt_options.mode 'fast' is not supported by seedream-4-5-251128 (accepts standard)");
        assertThat(messages(strict(request(V40).outputFormat("png").build()))).containsExactly(
                "output_format 'png' is supported only by Seedream 5.0; seedream-4-0-250828 always returns JPEG");
    }

    @Test
    void aTextFileIsNotAReferenceImage() {
        ReferenceImage text = ReferenceImage.bytes("name,price\nfoo,1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(messages(protocolFails(request("seedream-4-0").image(text)).violations()))
                .containsExactly("image[0] is text/plain, not an image: seedream-4-0 accepts JPEG, PNG, WEBP, BMP,"
                        + " TIFF or GIF");
    }

    @Test
    void referenceFormatsArePerModel() {
        ImageRequest for40 = request(V40).image(jpeg(100, 100)).image(webp(100, 100))
                .image(ReferenceImage.bytes(ReferenceImageSamples.tiffLittleEndian(100, 100))).image(heic()).build();

        assertThat(messages(strict(for40))).containsExactly(
                "image[3] is image/heic: seedream-4-0-250828 accepts JPEG, PNG, WEBP, BMP, TIFF or GIF");
        assertThat(strict(for40.withModel(V45))).isEmpty();
        ReferenceImage avif = ReferenceImage.bytes(ReferenceImageSamples.ftyp("avif", "avif"));
        assertThat(messages(protocolFails(request(V50).image(avif)).violations())).containsExactly(
                "image[0] is application/octet-stream, not an image: seedream-5-0-260128 accepts JPEG, PNG, WEBP, BMP,"
                        + " TIFF, GIF, HEIC or HEIF");
    }

    @Test
    void fiftyMegabyteReferenceIsRejectedWithoutShowingItsData() {
        ReferenceImage big = ReferenceImage.bytes(ReferenceImageSamples.paddedJpeg(50 * 1024 * 1024));
        ImageRequest request = request(V40).image(big).build();

        List<Violation> violations = strict(request);

        assertThat(messages(violations)).containsExactly("image[0] 'data:image/jpeg;base64,…(50.0 MB)' has 52,428,800"
                + " bytes but seedream-4-0-250828 accepts at most 10.0 MB (10,485,760 bytes) per reference image");
        assertThat(messages(strict(request.withModel(V45)))).singleElement().asString().contains("at most 30.0 MB");
    }

    @Test
    void referenceDimensionsAreCheckedAgainstTheModel() {
        assertThat(strict(request(V40).image(png(400, 100)).build())).isEmpty();
        assertThat(messages(strict(request(V40).image(png(1700, 100)).build()))).containsExactly(
                "image[0] is 1700x100 px with aspect ratio 17.0 but seedream-4-0-250828 accepts between 1/16 and 16");
        assertThat(messages(strict(request(V45).image(png(10, 100)).build()))).containsExactly(
                "image[0] is 10x100 px but each side must be greater than 14 px for seedream-4-5-251128");
        assertThat(messages(strict(request(V40).image(header(6500, 6500)).build()))).containsExactly(
                "image[0] is 6500x6500 px (42,250,000 pixels) but seedream-4-0-250828 accepts at most 36,000,000"
                        + " pixels");
        assertThat(messages(strict(request(V45).image(header(7000, 6000)).build()))).containsExactly(
                "image[0] is 7000x6000 px (42,000,000 pixels) but seedream-4-5-251128 accepts at most 36,000,000"
                        + " pixels");
    }

    @Test
    void urlReferencesMustBeHttpOrHttpsAndAreShownWithoutQuery() {
        SeedreamValidationException e = protocolFails(request(V40).image(ReferenceImage.url("ftp://h/a.png?token=s3cr3t"))
                .image(ReferenceImage.from("photos/cat.png")).image(ReferenceImage.url("http://localhost:8080/a.png")));

        assertThat(e.violations()).extracting(Violation::field, Violation::value).containsExactly(
                tuple("image[0]", "ftp://h/a.png"),
                tuple("image[1]", "photos/cat.png"));
        assertThat(e.getMessage()).contains("must be an absolute http or https URL").doesNotContain("s3cr3t");
    }

    @Test
    void extraFieldsMayNotShadowKnownFields() {
        SeedreamValidationException e = protocolFails(request(V40).extraField("prompt", "other").extraField("size", "1K")
                .extraField("optimize_prompt", true));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("prompt", "size");
        assertThat(e.getMessage()).contains("is a field the builder sets itself").doesNotContain("other");
    }

    @Test
    void protocolAndModelViolationsAreReportedTogether() {
        List<Violation> violations = strict(request(V40).size("100x100").maxImages(16).build());

        assertThat(violations).extracting(Violation::field).containsExactly("size",
                "sequential_image_generation_options.max_images");
    }

    @Test
    void everyViolationIsCollectedIntoOneException() {
        SeedreamValidationException e = protocolFails(ImageRequest.builder().prompt("").seed(-5L).guidanceScale(20.0)
                .maxImages(99).size("huge").responseFormat(ResponseFormat.URL));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("prompt", "size", "seed",
                "guidance_scale", "sequential_image_generation_options.max_images");
        assertThat(e.getMessage()).startsWith("Invalid Seedream request (5 problems): prompt must not be blank; ");
    }

    @Test
    void protocolOnlySkipsPerModelLimits() {
        ImageRequest request = withReferences(request(PRO), 11).image(heic())
                .image(ReferenceImage.bytes(ReferenceImageSamples.paddedJpeg(40 * 1024 * 1024))).image(png(1700, 100))
                .size("8K").optimizePromptMode("fast").stream(true).build();

        assertThatCode(() -> RequestValidator.validate(request, ModelProfiles.forModel(PRO),
                ValidationMode.PROTOCOL_ONLY)).doesNotThrowAnyException();
        assertThat(strict(request)).extracting(Violation::field)
                .containsExactly("size", "stream", "image", "image[12]", "image[13]", "optimize_prompt_options.mode");
        assertThat(strict(request.toBuilder().size("5000x100").build())).extracting(Violation::field)
                .contains("size");
    }

    @Test
    void validatingTwiceGivesTheSameAnswer() {
        ImageRequest request = request(V40).image(png(400, 100)).build();

        assertThat(strict(request)).isEqualTo(strict(request));
    }

    private static ImageRequest.Builder request(String model) {
        return ImageRequest.builder().model(model).prompt("a red fox in snow");
    }

    private static ImageRequest.Builder withReferences(ImageRequest.Builder builder, int count) {
        List<ReferenceImage> images = new ArrayList<>();
        ReferenceImage jpeg = jpeg(64, 64);
        for (int i = 0; i < count; i++) {
            images.add(i % 2 == 0 ? jpeg : ReferenceImage.url("https://example.com/" + i + ".jpg"));
        }
        return builder.images(images);
    }

    private static List<Violation> strict(ImageRequest request) {
        SeedreamValidationException e = catchThrowableOfType(SeedreamValidationException.class,
                () -> RequestValidator.validate(request, ModelProfiles.forModel(request.model()),
                        ValidationMode.STRICT));
        return e == null ? List.of() : e.violations();
    }

    /** A rule that holds for every model: refused even in {@link ValidationMode#PROTOCOL_ONLY}. */
    private static SeedreamValidationException protocolFails(ImageRequest.Builder builder) {
        ImageRequest request = builder.build();
        SeedreamValidationException e = catchThrowableOfType(SeedreamValidationException.class,
                () -> RequestValidator.validate(request, ModelProfiles.forModel(request.model()),
                        ValidationMode.PROTOCOL_ONLY));
        assertThat(e).as("protocol validation should have failed").isNotNull();
        return e;
    }

    private static List<String> messages(List<Violation> violations) {
        return violations.stream().map(Violation::toString).toList();
    }

    private static ReferenceImage jpeg(int width, int height) {
        return ReferenceImage.bytes(ReferenceImageSamples.jpeg(width, height));
    }

    private static ReferenceImage png(int width, int height) {
        return ReferenceImage.bytes(ReferenceImageSamples.png(width, height));
    }

    private static ReferenceImage webp(int width, int height) {
        return ReferenceImage.bytes(ReferenceImageSamples.webpLossy(width, height));
    }

    private static ReferenceImage heic() {
        return ReferenceImage.bytes(ReferenceImageSamples.ftyp("heic", "mif1", "heic"));
    }

    private static ReferenceImage header(int width, int height) {
        return ReferenceImage.dataUri("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(ReferenceImageSamples.pngHeader(width, height)));
    }
}
