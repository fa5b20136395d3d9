/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SequentialImageGeneration;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.serialization.SimpleRecordSchema;
import org.apache.nifi.serialization.record.DataType;
import org.apache.nifi.serialization.record.MapRecord;
import org.apache.nifi.serialization.record.Record;
import org.apache.nifi.serialization.record.RecordField;
import org.apache.nifi.serialization.record.RecordFieldType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordRequestsTest {

    private static final DataType TEXT = RecordFieldType.STRING.getDataType();

    /** The processor's option values, already evaluated against the input FlowFile. */
    private final Map<PropertyDescriptor, String> properties = new HashMap<>();

    private ImageRequest request(Map<String, Object> fields) {
        return RecordRequests.toRequest(record(fields), properties::get);
    }

    @Test
    void everyFieldBecomesItsRequestField() {
        ImageRequest request = request(Map.of("prompt", "  a fox  ", "size", "2K", "seed", 42, "max_images", 3,
                "response_format", "url", "watermark", false, "model", "seedream-4-5-251128",
                "reference_urls", new Object[] {"https://example.com/a.png", " ", "https://example.com/b.png"}));

        assertThat(request.prompt()).isEqualTo("a fox");
        assertThat(request.size()).isEqualTo("2K");
        assertThat(request.seed()).isEqualTo(42L);
        assertThat(request.sequentialImageGeneration()).isEqualTo(SequentialImageGeneration.AUTO);
        assertThat(request.maxImages()).isEqualTo(3);
        assertThat(request.responseFormat()).isEqualTo(ResponseFormat.URL);
        assertThat(request.watermark()).isFalse();
        assertThat(request.model()).isEqualTo("seedream-4-5-251128");
        assertThat(request.images()).extracting(ReferenceImage::url)
                .containsExactly("https://example.com/a.png", "https://example.com/b.png");
    }

    @Test
    void referenceUrlsMayBeOneCommaSeparatedString() {
        ImageRequest request = request(Map.of("prompt", "combine", "reference_urls",
                "https://example.com/a.png, ,https://example.com/b.png"));

        assertThat(request.images()).extracting(ReferenceImage::url)
                .containsExactly("https://example.com/a.png", "https://example.com/b.png");
    }

    @Test
    void aFieldBeatsThePropertyAndAMissingOrBlankFieldFallsBackToIt() {
        properties.put(RequestOptions.SIZE, "1280x720");
        properties.put(RequestOptions.SEED, "5");
        properties.put(RequestOptions.WATERMARK, "true");
        properties.put(RequestOptions.RESPONSE_FORMAT, "url");

        ImageRequest request = request(Map.of("prompt", "a bear", "seed", 9, "size", "  "));

        assertThat(request.seed()).isEqualTo(9L);
        assertThat(request.size()).isEqualTo("1280x720");
        assertThat(request.watermark()).isTrue();
        assertThat(request.responseFormat()).isEqualTo(ResponseFormat.URL);
    }

    @Test
    void withoutFieldOrPropertyTheProvidersDefaultsApply() {
        ImageRequest request = request(Map.of("prompt", "plain", "max_images", 1));

        assertThat(request.size()).isNull();
        assertThat(request.seed()).isNull();
        assertThat(request.watermark()).isNull();
        assertThat(request.model()).isNull();
        assertThat(request.images()).isEmpty();
        assertThat(request.maxImages()).as("1 is a single image, not a group").isNull();
        assertThat(request.responseFormat()).isEqualTo(ResponseFormat.B64_JSON);
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheOptionAndTheValue() {
        assertThatThrownBy(() -> request(Map.of("prompt", "p", "seed", "lucky")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Seed must be a whole number, got 'lucky'");
        assertThatThrownBy(() -> request(Map.of("prompt", "p", "max_images", "many")))
                .hasMessage("Max Images must be a whole number, got 'many'");
        assertThatThrownBy(() -> request(Map.of("prompt", "p", "watermark", "maybe")))
                .hasMessage("Watermark must be true or false, got 'maybe'");
    }

    @Test
    void aRecordWithoutPromptNamesTheAcceptedFields() {
        properties.put(RequestOptions.SIZE, "2K");

        assertThatThrownBy(() -> request(Map.of("size", "2K", "prompt", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Record has no 'prompt' field value; accepted fields: " + RecordRequests.fieldNames());
        assertThat(RecordRequests.fieldNames()).isEqualTo(
                "prompt, size, seed, max_images, response_format, watermark, reference_urls, model");
    }

    /** A record whose schema types each value as a reader would: text, whole number, boolean or array of text. */
    private static Record record(Map<String, Object> fields) {
        List<RecordField> schema = fields.entrySet().stream().map(field -> new RecordField(field.getKey(),
                switch (field.getValue()) {
                    case Integer ignored -> RecordFieldType.INT.getDataType();
                    case Boolean ignored -> RecordFieldType.BOOLEAN.getDataType();
                    case Object[] ignored -> RecordFieldType.ARRAY.getArrayDataType(TEXT);
                    default -> TEXT;
                })).toList();
        return new MapRecord(new SimpleRecordSchema(schema), new HashMap<>(fields));
    }
}
