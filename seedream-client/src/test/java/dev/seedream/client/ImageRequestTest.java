/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRequestTest {

    @Test
    void toBuilderCopiesEveryFieldAndLeavesTheOriginalUnchanged() {
        ImageRequest original = ImageRequest.builder().model("seedream-4-0-250828").prompt("a cat")
                .image(ReferenceImage.url("https://example.com/a.png")).size("2k").seed(7L).guidanceScale(3.0)
                .sequentialImageGeneration(SequentialImageGeneration.AUTO).maxImages(3).stream(true)
                .responseFormat(ResponseFormat.B64_JSON).watermark(false).optimizePromptMode("Standard")
                .optimizePromptThinking(" auto ").outputFormat("JPEG").extraField("tools", List.of()).build();

        ImageRequest copy = original.toBuilder().build();
        ImageRequest changed = original.toBuilder().prompt("a dog").image(ReferenceImage.url("https://example.com/b.png"))
                .build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        assertThat(original.prompt()).isEqualTo("a cat");
        assertThat(original.images()).hasSize(1);
        assertThat(changed.images()).hasSize(2);
        assertThat(original.size()).isEqualTo("2K");
        assertThat(original.optimizePromptMode()).isEqualTo("standard");
        assertThat(original.outputFormat()).isEqualTo("jpeg");
        assertThat(original.optimizePromptThinking()).isEqualTo("auto");
    }

    @Test
    void maxImagesAloneAsksForAGroupLikeTheAdaptersDo() {
        ImageRequest group = ImageRequest.builder().prompt("p").maxImages(4).build();

        assertThat(group.sequentialImageGeneration()).isEqualTo(SequentialImageGeneration.AUTO);
        assertThat(group.maxOutputImages()).isEqualTo(4);
        assertThat(new String(RequestJson.of(group), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"sequential_image_generation\":\"auto\"")
                .contains("\"sequential_image_generation_options\":{\"max_images\":4}");
        ImageRequest disabled = ImageRequest.builder().prompt("p").maxImages(4)
                .sequentialImageGeneration(SequentialImageGeneration.DISABLED).build();
        assertThat(disabled.sequentialImageGeneration()).isEqualTo(SequentialImageGeneration.DISABLED);
        assertThat(disabled.maxOutputImages()).isEqualTo(1);
        assertThat(new String(RequestJson.of(disabled), java.nio.charset.StandardCharsets.UTF_8))
                .as("sent as given: the provider ignores it").contains("\"max_images\":4")
                .contains("\"sequential_image_generation\":\"disabled\"");
        assertThat(ImageRequest.builder().prompt("p").build().sequentialImageGeneration()).isNull();
        // the implied mode is not copied as if it had been set: clearing maxImages clears the group
        ImageRequest cleared = group.toBuilder().maxImages(null).build();
        assertThat(cleared.sequentialImageGeneration()).isNull();
        assertThat(cleared.maxOutputImages()).isEqualTo(1);
        assertThat(new String(RequestJson.of(cleared), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("sequential_image_generation");
    }

    @Test
    void buildDoesNotValidateSoTheClientCanReportEveryProblemAtOnce() {
        ImageRequest broken = ImageRequest.builder().size("100x100").maxImages(16).build();

        assertThat(broken.prompt()).isNull();
        assertThat(broken.toString()).contains("prompt=null", "maxImages=16");
    }

    @Test
    void collectionsAreImmutable() {
        ImageRequest request = ImageRequest.builder().prompt("p").image(ReferenceImage.url("https://example.com/a.png"))
                .extraField("x", 1).build();

        assertThatThrownBy(() -> request.images().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.extraFields().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withModelSetsOnlyTheModel() {
        ImageRequest request = ImageRequest.builder().prompt("p").size("4K").build();

        ImageRequest resolved = request.withModel("seedream-4-5-251128");

        assertThat(request.model()).isNull();
        assertThat(resolved.model()).isEqualTo("seedream-4-5-251128");
        assertThat(resolved.size()).isEqualTo("4K");
    }

    @Test
    void maxOutputImagesCountsWhatTheRateLimiterMustReserve() {
        ImageRequest.Builder builder = ImageRequest.builder().prompt("p");

        assertThat(builder.build().maxOutputImages()).isEqualTo(1);
        assertThat(builder.maxImages(1).sequentialImageGeneration(SequentialImageGeneration.DISABLED).build()
                .maxOutputImages()).isEqualTo(1);
        assertThat(builder.maxImages(6).sequentialImageGeneration(SequentialImageGeneration.AUTO).build()
                .maxOutputImages()).isEqualTo(6);
        assertThat(builder.maxImages(null).build().maxOutputImages()).isEqualTo(15);
        assertThat(builder.image(ReferenceImage.url("https://example.com/1.png")).image(ReferenceImage.url("https://example.com/2"))
                .build().maxOutputImages()).isEqualTo(13);
    }

    @Test
    void toStringShowsNeitherBase64NorTheWholePrompt() {
        byte[] jpeg = ReferenceImageSamples.jpeg(64, 64);
        String prompt = "A very detailed prompt that goes on and on about a lighthouse at dusk, with secret words";
        ImageRequest request = ImageRequest.builder().prompt(prompt).image(ReferenceImage.bytes(jpeg))
                .image(ReferenceImage.url("https://cdn.example.com/a.png?sig=abc")).extraField("api_secret", "k3y")
                .build();

        String text = request.toString();

        assertThat(text).contains(prompt.substring(0, 60) + "…").doesNotContain("secret words")
                .contains("data:image/jpeg;base64,…(").contains("https://cdn.example.com/a.png")
                .doesNotContain("sig=abc").doesNotContain(Base64.getEncoder().encodeToString(jpeg).substring(0, 12))
                .contains("extraFields=[api_secret]").doesNotContain("k3y");
    }

    @Test
    void nullReferenceImagesAndExtraFieldNamesAreRefusedAtOnce() {
        assertThatThrownBy(() -> ImageRequest.builder().image(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageRequest.builder().extraField(null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enumsParseApiValuesIgnoringCaseAndNameTheAllowedOnes() {
        assertThat(ResponseFormat.fromApiValue("B64_JSON")).isEqualTo(ResponseFormat.B64_JSON);
        assertThat(ResponseFormat.fromApiValue("url")).isEqualTo(ResponseFormat.URL);
        assertThat(ResponseFormat.B64_JSON.apiValue()).isEqualTo("b64_json");
        assertThatThrownBy(() -> ResponseFormat.fromApiValue("png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'url' or 'b64_json'");
        assertThatThrownBy(() -> ResponseFormat.fromApiValue(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SequentialImageGeneration.fromApiValue("Auto")).isEqualTo(SequentialImageGeneration.AUTO);
        assertThatThrownBy(() -> SequentialImageGeneration.fromApiValue("sometimes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'auto' or 'disabled'");
    }

    @Test
    void requestsWithTheSameFieldsAreEqual() {
        ImageRequest.Builder builder = ImageRequest.builder().prompt("p").size("2k").seed(7L).maxImages(3)
                .image(ReferenceImage.url("https://example.com/a.png")).extraField("tools", null);
        ImageRequest request = builder.build();

        assertThat(request).isEqualTo(builder.build()).hasSameHashCodeAs(builder.build());
        assertThat(request).isEqualTo(request.toBuilder().build());
        assertThat(request).isNotEqualTo(request.toBuilder().seed(8L).build());
        assertThat(request).isNotEqualTo(request.toBuilder().extraField("tools", "web").build());
        assertThat(request.toBuilder().images(List.of(ReferenceImage.url("https://example.com/a.png"))).build())
                .as("reference images compare by what they send").isEqualTo(request);
        byte[] png = ReferenceImageSamples.png(64, 64);
        assertThat(ReferenceImage.bytes(png)).isEqualTo(ReferenceImage.bytes(png.clone()))
                .isNotEqualTo(ReferenceImage.bytes(ReferenceImageSamples.png(64, 65)));
    }
}
