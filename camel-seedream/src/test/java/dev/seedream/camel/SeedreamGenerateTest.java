/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.ImageFailure;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SeedreamGenerateTest extends SeedreamTestSupport {

    @TempDir
    static Path outputDir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedream:generate");
                from("direct:withOptions").to("seedream:generate?prompt=an option prompt&size=2K&seed=42");
                from("direct:toFiles").to("seedream:generate?outputDirectory=" + outputDir + "&outputFilePrefix=fox-");
                from("direct:url").to("seedream:generate?responseFormat=url");
            }
        };
    }

    @Test
    void stringBodyIsThePromptAndOneImageBecomesTheBody() {
        Exchange result = template.request("direct:generate", e -> e.getIn().setBody("a red fox in fresh snow"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).isTrue();
        Map<String, Object> headers = result.getMessage().getHeaders();
        assertThat(headers).containsEntry(SeedreamConstants.IMAGE_COUNT, 1)
                .containsEntry(SeedreamConstants.MIME_TYPE, "image/jpeg")
                .containsEntry(SeedreamConstants.USAGE_GENERATED_IMAGES, 1)
                .containsEntry(SeedreamConstants.ATTEMPTS, 1)
                .containsKeys(SeedreamConstants.REQUEST_ID, SeedreamConstants.IMAGE_SIZE,
                        SeedreamConstants.RESPONSE_MODEL, SeedreamConstants.USAGE_OUTPUT_TOKENS);
        assertThat(headers.get(SeedreamConstants.RESPONSE_MODEL).toString()).startsWith("seedream-4-0");
        assertThat(emulator.stats().requestsForPrompt("a red fox in fresh snow")).isEqualTo(1);
    }

    @Test
    void anImageBodyCarriesTheImagesContentTypeInsteadOfTheInputs() {
        Exchange jpeg = template.request("direct:generate", e -> {
            e.getIn().setBody("a fox posted as text");
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        });
        Exchange png = template.request("direct:generate", e -> {
            e.getIn().setBody("a fox in png");
            e.getIn().setHeader(SeedreamConstants.MODEL, "seedream-5-0-pro-260628");
            e.getIn().setHeader(SeedreamConstants.OUTPUT_FORMAT, "png");
        });

        assertThat(jpeg.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/jpeg");
        assertThat(png.getException()).isNull();
        assertThat(png.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(png.getMessage().getBody(byte[].class)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aGroupsListCarriesNoContentType() {
        Exchange group = template.request("direct:generate", e -> {
            e.getIn().setBody("two panels posted as text");
            e.getIn().setHeader(SeedreamConstants.MAX_IMAGES, 2);
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        });

        assertThat(group.getMessage().getBody(List.class)).hasSize(2);
        assertThat(group.getMessage().getHeaders()).doesNotContainKey(Exchange.CONTENT_TYPE);
    }

    @Test
    void headersBeatTheBodyAndEndpointOptions() {
        Exchange result = template.request("direct:withOptions", e -> {
            e.getIn().setBody("the body prompt");
            e.getIn().setHeader(SeedreamConstants.PROMPT, "the header prompt");
            e.getIn().setHeader(SeedreamConstants.SIZE, "1280x720");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_SIZE)).isEqualTo("1280x720");
        assertThat(emulator.stats().requestsForPrompt("the header prompt")).isEqualTo(1);
        assertThat(emulator.stats().requestsForPrompt("the body prompt")).isZero();
    }

    @Test
    void thePromptOptionIsUsedWhenNoHeaderOrBodyGivesOne() {
        Exchange result = template.request("direct:withOptions", e -> e.getIn().setHeader(SeedreamConstants.SIZE, "1K"));

        assertThat(result.getException()).isNull();
        assertThat(emulator.stats().requestsForPrompt("an option prompt")).isEqualTo(1);
    }

    @Test
    void aReadyImageRequestBodyIsSentAsItIs() {
        ImageRequest request = ImageRequest.builder().prompt("a ready request").size("1280x720")
                .responseFormat(ResponseFormat.B64_JSON).build();

        Exchange result = template.request("direct:generate", e -> e.getIn().setBody(request));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_SIZE)).isEqualTo("1280x720");
        assertThat(emulator.stats().requestsForPrompt("a ready request")).isEqualTo(1);
    }

    @Test
    void maxImagesAsksForAGroupAndTheBodyBecomesAListInIndexOrder() {
        Exchange result = template.request("direct:generate", e -> {
            e.getIn().setBody("three panels of a comic");
            e.getIn().setHeader(SeedreamConstants.MAX_IMAGES, 3);
        });

        assertThat(result.getException()).isNull();
        List<GeneratedImage<Object>> images = result.getMessage().getBody(List.class);
        assertThat(images).extracting(GeneratedImage::index).containsExactly(0, 1, 2);
        assertThat(images).allSatisfy(image -> assertThat(isJpeg((byte[]) image.content())).isTrue());
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_COUNT)).isEqualTo(3);
        assertThat(result.getMessage().getHeader(SeedreamConstants.USAGE_GENERATED_IMAGES)).isEqualTo(3);
    }

    @Test
    void aGroupRequestGivesAListEvenWhenOnlyOneImageArrives() {
        Exchange result = template.request("direct:generate", e -> {
            e.getIn().setBody("two panels, blocked-image in one");
            e.getIn().setHeader(SeedreamConstants.MAX_IMAGES, 2);
        });

        assertThat(result.getException()).isNull();
        List<GeneratedImage<Object>> images = result.getMessage().getBody(List.class);
        assertThat(images).singleElement().extracting(GeneratedImage::index).isEqualTo(0);
        assertThat(result.getMessage().getHeader(SeedreamConstants.FAILED_IMAGES, List.class)).hasSize(1);
    }

    @Test
    void imagesOfAGroupThatFailedAreListedBesideTheOthers() {
        Exchange result = template.request("direct:generate", e -> {
            e.getIn().setBody("three panels, blocked-image in one");
            e.getIn().setHeader(SeedreamConstants.MAX_IMAGES, 3);
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(2);
        List<ImageFailure> failed = result.getMessage().getHeader(SeedreamConstants.FAILED_IMAGES, List.class);
        assertThat(failed).singleElement().extracting(ImageFailure::code)
                .isEqualTo("OutputImageSensitiveContentDetected");
    }

    @Test
    void urlResponsesAreDownloadedIntoTheBodyAndTheUrlIsReported() {
        Exchange result = template.request("direct:url", e -> e.getIn().setBody("a lighthouse at dusk"));

        assertThat(result.getException()).isNull();
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).isTrue();
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_URL, String.class))
                .startsWith("http://127.0.0.1:" + emulator.port());
    }

    @Test
    void anOutputDirectoryTurnsTheBodyIntoAFile() throws Exception {
        Exchange result = template.request("direct:toFiles", e -> e.getIn().setBody("a fox on a file"));

        assertThat(result.getException()).isNull();
        Path file = result.getMessage().getBody(Path.class);
        assertThat(file.getParent()).isEqualTo(outputDir);
        assertThat(file.getFileName().toString()).startsWith("fox-").endsWith(".jpg");
        assertThat(isJpeg(Files.readAllBytes(file))).isTrue();
    }

    @Test
    void noPromptFailsNamingEverySourceWithoutARequest() {
        Exchange result = template.request("direct:generate", e -> e.getIn().setBody(null));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SeedreamConstants.PROMPT).hasMessageContaining("String body")
                .hasMessageContaining("'prompt' endpoint option");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void aHeaderOfTheWrongTypeIsNamedInTheErrorWithoutARequest() {
        Exchange result = template.request("direct:generate", e -> {
            e.getIn().setBody("a seeded fox");
            e.getIn().setHeader(SeedreamConstants.SEED, "abc");
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SeedreamConstants.SEED).hasMessageContaining("Long").hasMessageContaining("abc");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void anInvalidRequestFailsValidationBeforeAnyNetworkCall() {
        Exchange result = template.request("direct:generate", e -> {
            e.getIn().setBody("too small");
            e.getIn().setHeader(SeedreamConstants.SIZE, "100x100");
        });

        assertThat(result.getException()).isInstanceOf(SeedreamValidationException.class)
                .hasMessageContaining("size");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void anEndpointClosesTheClientItBuiltItselfWhenStopped() {
        SeedreamEndpoint endpoint = context.getEndpoint("seedream:generate", SeedreamEndpoint.class);
        SeedreamClient own = endpoint.getClient();
        assertThat(own).isNotNull();

        endpoint.stop();

        assertThat(endpoint.getClient()).isNull();
        // A closed client does not send; it may fail the call or (seedream-client 0.1) never complete it.
        String outcome = own.generateAsync(ImageRequest.builder().prompt("after close").size("1K").build())
                .handle((result, failure) -> failure != null ? "failed" : "succeeded")
                .completeOnTimeout("never answered", 1, TimeUnit.SECONDS).join();
        assertThat(outcome).isNotEqualTo("succeeded");
        assertThat(emulator.stats().requestsForPrompt("after close")).isZero();
    }
}
