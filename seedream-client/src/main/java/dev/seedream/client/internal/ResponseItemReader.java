/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seedream.client.ImageSink;
import dev.seedream.client.Usage;

import java.io.IOException;

/**
 * Reads one image object ({@code data[]} item or stream event) with Jackson's streaming parser. A
 * {@code b64_json} value is decoded by {@link Base64ValueDecoder} straight into the sink, so the base64 text never
 * becomes a {@code String}; that is also why Jackson's string-length limit need not be raised.
 */
final class ResponseItemReader {

    private ResponseItemReader() {
    }

    /** The range {@link java.time.Instant} can hold: a larger {@code created} is a broken answer, not a time. */
    private static final long MIN_EPOCH_SECOND = java.time.Instant.MIN.getEpochSecond();
    private static final long MAX_EPOCH_SECOND = java.time.Instant.MAX.getEpochSecond();

    /**
     * Reads the object whose START_OBJECT the parser is on. On failure, any started sink target is discarded.
     *
     * @param maxImageBytes the largest decoded {@code b64_json} image accepted
     */
    static <T> ResponseItem<T> read(JsonParser parser, ImageSink<T> sink, int ordinal, long maxImageBytes)
            throws IOException {
        ResponseItem<T> item = new ResponseItem<>(ordinal);
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                readField(parser, field, item, sink, maxImageBytes);
            }
            return item;
        } catch (IOException | RuntimeException e) {
            item.discard();
            throw e;
        }
    }

    private static <T> void readField(JsonParser parser, String field, ResponseItem<T> item, ImageSink<T> sink,
                                      long maxImageBytes) throws IOException {
        switch (field) {
            case "b64_json" -> decodeImage(parser, item, sink, maxImageBytes);
            case "url" -> item.url = parser.getValueAsString();
            case "size" -> item.size = parser.getValueAsString();
            case "image_index" -> item.index = parser.getValueAsInt();
            case "type" -> item.type = parser.getValueAsString();
            case "model" -> item.model = parser.getValueAsString();
            case "created" -> item.created = readEpochSecond(parser);
            case "error" -> item.error = ErrorFields.read(parser);
            case "usage" -> item.usage = readUsage(parser);
            default -> parser.skipChildren();
        }
    }

    /** {@code created}: whole seconds that a time can hold. */
    static Long readEpochSecond(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || parser.getLongValue() < MIN_EPOCH_SECOND || parser.getLongValue() > MAX_EPOCH_SECOND) {
            throw new MalformedBodyException("'created' is not a time in seconds: " + parser.getText());
        }
        return parser.getLongValue();
    }

    private static <T> void decodeImage(JsonParser parser, ResponseItem<T> item, ImageSink<T> sink,
                                        long maxImageBytes) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedBodyException("b64_json is not a string");
        }
        if (item.target != null) { // a second value would orphan the first one's target
            throw new MalformedBodyException("an item has more than one b64_json value");
        }
        try {
            item.target = sink.open(item.ordinal);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
        item.bytes = new SniffingOutputStream(item.target.stream(), maxImageBytes);
        Base64ValueDecoder.decode(parser, item.bytes);
        item.bytes.flush();
    }

    static Usage readUsage(JsonParser parser) throws IOException {
        int images = 0;
        long output = 0;
        long total = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "generated_images" -> images = parser.getValueAsInt();
                case "output_tokens" -> output = parser.getValueAsLong();
                case "total_tokens" -> total = parser.getValueAsLong();
                default -> parser.skipChildren();
            }
        }
        return new Usage(images, output, total);
    }
}
