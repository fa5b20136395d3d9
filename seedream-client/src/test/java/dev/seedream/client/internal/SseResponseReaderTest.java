/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seedream.client.ImageSinks;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SseResponseReaderTest {

    private static final long MAX_IMAGE = 64L * 1024 * 1024;
    private static final int MAX_ITEMS = 15;

    private static final String JPEG_B64 = Base64.getEncoder().encodeToString(
            new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3});

    private final SseResponseReader reader = new SseResponseReader(new JsonFactory(), MAX_IMAGE);
    private final List<ResponseItem<byte[]>> items = new ArrayList<>();
    private final ResponseSummary summary = new ResponseSummary();

    private void read(String body) throws IOException {
        reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ImageSinks.memory(),
                items::add, summary, MAX_ITEMS);
    }

    @Test
    void readsImagesFailuresAndTheCompletionEvent() throws IOException {
        read(": a comment\n"
                + "event: image_generation.partial_succeeded\n"
                + "data: {\"type\":\"image_generation.partial_succeeded\",\"model\":\"m\",\"created\":7,"
                + "\"image_index\":0,\"b64_json\":\"" + JPEG_B64 + "\",\"size\":\"1024x1024\"}\n\n"
                + "data: {\"type\":\"image_generation.partial_failed\",\"image_index\":1,"
                + "\"error\":{\"code\":\"OutputImageSensitiveContentDetected\",\"message\":\"no\"}}\r\n\r\n"
                + "id: 3\n"
                + "data: {\"type\":\"image_generation.completed\",\"usage\":{\"generated_images\":1,"
                + "\"output_tokens\":4096,\"total_tokens\":4096}}\n\n"
                + "data: [DONE]\n\n");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).complete().content()).hasSize(7);
        assertThat(items.get(0).complete().mimeType()).isEqualTo("image/jpeg");
        assertThat(items.get(1).toFailure().code()).isEqualTo("OutputImageSensitiveContentDetected");
        assertThat(summary.usage.outputTokens()).isEqualTo(4096);
        assertThat(summary.model).isEqualTo("m");
        assertThat(summary.itemsDelivered).isEqualTo(2);
    }

    @Test
    void takesTheTypeFromTheEventLineWhenTheDataHasNone() throws IOException {
        read("event: image_generation.partial_succeeded\n"
                + "data: {\"image_index\":4,\"url\":\"https://example.com/a.jpeg\"}\n\n"
                + "event: image_generation.completed\n"
                + "data: {\"usage\":{\"generated_images\":1}}\n\n");

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.index).isEqualTo(4);
            assertThat(item.url).isEqualTo("https://example.com/a.jpeg");
        });
        assertThat(summary.usage.generatedImages()).isEqualTo(1);
    }

    @Test
    void aStreamThatEndsCleanlyAfterItsImageIsCompleteWithUnknownUsage() throws IOException {
        read("data: {\"type\":\"image_generation.partial_succeeded\",\"image_index\":0,"
                + "\"url\":\"https://example.com/a\"}\n\n");

        assertThat(items).hasSize(1);
        assertThat(summary.usage).isNull();
    }

    @Test
    void aStreamThatEndsWithDoneButWithoutCompletionIsComplete() throws IOException {
        read("data: {\"type\":\"image_generation.partial_succeeded\",\"image_index\":0,"
                + "\"b64_json\":\"" + JPEG_B64 + "\"}\n\ndata: [DONE]\n\n");

        assertThat(items).singleElement().satisfies(item -> assertThat(item.complete().content()).hasSize(7));
        assertThat(summary.usage).isNull();
    }

    @Test
    void dataSplitOverSeveralLinesIsJoinedAsSseSays() throws IOException {
        String half = JPEG_B64.substring(0, 4);
        read("event: image_generation.partial_succeeded\n"
                + "data: {\"type\":\"image_generation.partial_succeeded\",\n"
                + "data:\"image_index\":0,\"b64_json\":\"" + half + "\r\n"
                + "data: " + JPEG_B64.substring(4) + "\"}\n\n"
                + "data: {\"type\":\"image_generation.completed\",\"usage\":{\"generated_images\":1}}\n\n");

        assertThat(items).singleElement().satisfies(item -> assertThat(item.complete().content()).hasSize(7));
        assertThat(summary.usage.generatedImages()).isEqualTo(1);
    }

    @Test
    void doneEndsTheStreamWhateverFollows() throws IOException {
        InputStream neverEnding = new java.io.SequenceInputStream(new ByteArrayInputStream(
                ("data: {\"type\":\"image_generation.partial_succeeded\",\"image_index\":0,"
                        + "\"url\":\"https://example.com/a\"}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("the reader went on past [DONE]");
                    }
                });

        reader.read(neverEnding, ImageSinks.memory(), items::add, summary, MAX_ITEMS);

        assertThat(items).hasSize(1);
    }

    @Test
    void aStreamThatEndsBeforeAnyImageIsCut() {
        assertThatThrownBy(() -> read(": keep-alive\n\ndata: [DONE]\n\n"))
                .isInstanceOf(StreamCutException.class).hasMessageContaining("before any image");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(StreamCutException.class);
        assertThat(items).isEmpty();
    }

    @Test
    void aTopLevelErrorEventFailsTheRequest() {
        assertThatThrownBy(() -> read("data: {\"error\":{\"code\":\"InternalServiceError\",\"message\":\"boom\","
                + "\"type\":\"InternalServerError\"}}\n\n"))
                .isInstanceOfSatisfying(ErrorInBodyException.class, e -> {
                    assertThat(e.error.code).isEqualTo("InternalServiceError");
                    assertThat(e.error.type).isEqualTo("InternalServerError");
                });
    }
}
