/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.seedream.emulator.junit.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;

class SeedreamEditTest extends SeedreamTestSupport {

    private static final String PROMPT = "make it look like a watercolour";
    private static final byte[] PNG = png(64, 48);

    @TempDir
    Path tempDir;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:edit").setHeader(SeedreamConstants.PROMPT, constant(PROMPT)).to("seedream:edit");
                from("direct:editWithOptionPrompt").to("seedream:edit?prompt=an option prompt");
                from("direct:file").to("file:" + tempDir.resolve("in").toString().replace('\\', '/'));
                from("direct:urlImage").to("seedream:generate?responseFormat=url");
            }
        };
    }

    private Exchange edit(Object body) {
        return template.request("direct:edit", e -> e.getIn().setBody(body));
    }

    private static void assertEdited(Exchange result) {
        assertThat(result.getException()).isNull();
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).isTrue();
        assertThat(result.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/jpeg");
        assertThat(emulator.stats().requestsForPrompt(PROMPT)).isEqualTo(1);
    }

    @Test
    void editsAByteArray() {
        assertEdited(edit(PNG));
    }

    @Test
    void editsAnInputStream() {
        assertEdited(edit(new ByteArrayInputStream(PNG)));
    }

    @Test
    void editsAFileAndAPath() throws Exception {
        Path path = Files.write(tempDir.resolve("source.png"), PNG);

        assertEdited(edit(path.toFile()));
        emulator.reset();
        assertEdited(edit(path));
    }

    @Test
    void editsADataUriString() {
        assertEdited(edit("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)));
    }

    @Test
    void editsAnImageUrlTheProviderFetches() {
        String url = template.request("direct:urlImage", e -> e.getIn().setBody("a source picture"))
                .getMessage().getHeader(SeedreamConstants.IMAGE_URL, String.class);

        assertEdited(edit(url));
    }

    @Test
    void editsAListOfReferenceImages() {
        assertEdited(edit(List.of(PNG, new ByteArrayInputStream(png(80, 60)))));
    }

    @Test
    void convertsACamelFileBodyWithTheTypeConverters() throws Exception {
        Path file = Files.write(tempDir.resolve("camel.png"), PNG);
        File asFile = file.toFile();

        Exchange result = template.request("direct:edit", e -> e.getIn().setBody(
                new org.apache.camel.component.file.GenericFile<File>() {
                    {
                        setFile(asFile);
                        setAbsoluteFilePath(asFile.getAbsolutePath());
                        setFileName(asFile.getName());
                        setBody(asFile);
                    }
                }));

        assertEdited(result);
    }

    @Test
    void theReferenceImagesHeaderIsUsedInsteadOfTheBody() {
        Exchange result = template.request("direct:edit", e -> {
            e.getIn().setBody("not an image");
            e.getIn().setHeader(SeedreamConstants.REFERENCE_IMAGES, PNG);
        });

        assertEdited(result);
    }

    @Test
    void takesThePromptFromTheEndpointOption() {
        Exchange result = template.request("direct:editWithOptionPrompt", e -> e.getIn().setBody(PNG));

        assertThat(result.getException()).isNull();
        assertThat(emulator.stats().requestsForPrompt("an option prompt")).isEqualTo(1);
    }

    @Test
    void anEmptyBodyFailsWithoutARequest() {
        Exchange result = edit(List.of());

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one reference image");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void fifteenReferencesAreRejectedBeforeAnyNetworkCall() {
        Exchange result = edit(java.util.Collections.nCopies(15, PNG)); // the default model takes at most 14

        assertThat(result.getException()).isInstanceOf(dev.seedream.client.SeedreamValidationException.class);
        assertThat(emulator.stats().generationRequests()).isZero();
    }
}
