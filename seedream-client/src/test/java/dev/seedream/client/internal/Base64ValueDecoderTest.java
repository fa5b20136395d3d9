/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import dev.seedream.client.ImageSinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The base64 fast path reads past Jackson and hands the rest back, so these bodies arrive in pieces of every size
 * (one byte, odd sizes, larger than the parser's read-ahead) and check that the fields after each image are still
 * parsed: a wrong hand-back would lose or repeat bytes there.
 */
class Base64ValueDecoderTest {

    private static final long MAX_IMAGE = 64L * 1024 * 1024;
    private static final int MAX_ITEMS = 15;

    private static final int[] IMAGE_SIZES = {0, 1, 2, 3, 5_000, 12_287, 12_288, 12_289, 70_001, 400_000};

    private final List<ResponseItem<byte[]>> items = new ArrayList<>();
    private final ResponseSummary summary = new ResponseSummary();

    @ParameterizedTest(name = "pieces of at most {0} bytes")
    @ValueSource(ints = {1, 7, 4093, 8000, 16_384, 100_000})
    void decodesImagesOfEverySizeAndKeepsTheFieldsAfterThem(int pieceSize) throws IOException {
        List<byte[]> images = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\"model\":\"m\",\"data\":[");
        for (int i = 0; i < IMAGE_SIZES.length; i++) {
            images.add(randomBytes(IMAGE_SIZES[i], i));
            body.append(i == 0 ? "" : ",").append("{\"b64_json\":\"")
                    .append(Base64.getEncoder().encodeToString(images.get(i)))
                    .append("\",\"size\":\"").append(i).append("x").append(i).append("\"}");
        }
        body.append("],\"usage\":{\"generated_images\":").append(IMAGE_SIZES.length).append("},\"created\":9}");

        readJson(body.toString(), pieceSize);

        assertThat(items).hasSize(IMAGE_SIZES.length);
        for (int i = 0; i < IMAGE_SIZES.length; i++) {
            assertThat(items.get(i).complete().content()).as("image %d", i).isEqualTo(images.get(i));
            assertThat(items.get(i).size).isEqualTo(i + "x" + i);
        }
        assertThat(summary.usage.generatedImages()).isEqualTo(IMAGE_SIZES.length);
        assertThat(summary.created).isEqualTo(9);
    }

    @ParameterizedTest(name = "pieces of at most {0} bytes")
    @ValueSource(ints = {1, 2, 5, 16_383, 16_385})
    void acceptsEscapedSlashesAnywhereInTheValue(int pieceSize) throws IOException {
        byte[] image = randomBytes(60_000, 42);
        String escaped = Base64.getEncoder().encodeToString(image).replace("/", "\\/");
        assertThat(escaped).contains("\\/");

        readJson("{\"data\":[{\"b64_json\":\"" + escaped + "\",\"size\":\"1x1\"}]}", pieceSize);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.complete().content()).isEqualTo(image);
            assertThat(item.size).isEqualTo("1x1");
        });
    }

    @Test
    void decodesEachEventOfAStream() throws IOException {
        byte[] first = randomBytes(50_000, 1);
        byte[] second = randomBytes(30_001, 2);
        String body = event(0, first).replace("/", "\\/") + event(1, second)
                + "data: {\"type\":\"image_generation.completed\",\"usage\":{\"generated_images\":2}}\n\n";

        new SseResponseReader(new JsonFactory(), MAX_IMAGE).read(pieces(body, 333), ImageSinks.memory(), items::add,
                summary, MAX_ITEMS);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).complete().content()).isEqualTo(first);
        assertThat(items.get(1).complete().content()).isEqualTo(second);
        assertThat(items.get(1).size).isEqualTo("1x1");
        assertThat(summary.usage.generatedImages()).isEqualTo(2);
    }

    @Test
    void textThatIsNotBase64IsAMalformedBody() {
        String text = "A".repeat(20_000) + "*" + "A".repeat(20_000);

        assertThatThrownBy(() -> readJson("{\"data\":[{\"b64_json\":\"" + text + "\"}]}", 8000))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("b64_json is not valid base64");
    }

    @Test
    void anEscapeOtherThanSlashIsAMalformedBody() {
        String text = "QUJD".repeat(5_000) + "\\n" + "QUJD";

        assertThatThrownBy(() -> readJson("{\"data\":[{\"b64_json\":\"" + text + "\"}]}", 8000))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("escape other than");
    }

    @Test
    void aBodyEndingInsideTheValueIsAMalformedBodyAndDeliversNothing() {
        String cut = "{\"data\":[{\"b64_json\":\"" + "QUJD".repeat(10_000);

        assertThatThrownBy(() -> readJson(cut, 8000))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("ended inside a b64_json value");
        assertThat(items).isEmpty();
    }

    @Test
    void aBodyEndingRightAfterABackslashIsAMalformedBody() {
        String cut = "{\"data\":[{\"b64_json\":\"" + "QUJD".repeat(10_000) + "\\";

        assertThatThrownBy(() -> readJson(cut, 8000))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("ended inside a b64_json value");
    }

    @Test
    void aStreamCutInsideAnImageDeliversNothingOfIt() {
        String cut = event(0, randomBytes(40_000, 3));
        String body = cut.substring(0, cut.length() / 2);

        assertThatThrownBy(() -> new SseResponseReader(new JsonFactory(), MAX_IMAGE).read(pieces(body, 1000),
                ImageSinks.memory(), items::add, summary, MAX_ITEMS))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("ended inside a b64_json value");
        assertThat(items).isEmpty();
    }

    @Test
    void aTransferFailureInsideTheValueIsPassedOnAsItIs() {
        String body = "{\"data\":[{\"b64_json\":\"" + "QUJD".repeat(20_000) + "\"}]}";
        IOException transfer = new IOException("connection reset");
        InputStream failing = new FilterInputStream(pieces(body, 4096)) {
            private int served;

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (served > 30_000) {
                    throw transfer;
                }
                int count = super.read(target, offset, length);
                served += Math.max(0, count);
                return count;
            }
        };

        assertThatThrownBy(() -> new JsonResponseReader(new JsonFactory(), MAX_IMAGE).read(failing, ImageSinks.memory(),
                items::add, summary, MAX_ITEMS)).isSameAs(transfer);
        assertThat(items).isEmpty();
    }

    private void readJson(String body, int pieceSize) throws IOException {
        new JsonResponseReader(new JsonFactory(), MAX_IMAGE).read(pieces(body, pieceSize), ImageSinks.memory(), items::add,
                summary, MAX_ITEMS);
    }

    private static String event(int index, byte[] image) {
        return "event: image_generation.partial_succeeded\n"
                + "data: {\"type\":\"image_generation.partial_succeeded\",\"image_index\":" + index
                + ",\"b64_json\":\"" + Base64.getEncoder().encodeToString(image) + "\",\"size\":\"1x1\"}\n\n";
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The body as a stream that returns at most {@code pieceSize} bytes per read, like a body arriving in parts. */
    private static InputStream pieces(String body, int pieceSize) {
        return new FilterInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII))) {
            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                return super.read(target, offset, Math.min(length, pieceSize));
            }
        };
    }
}
