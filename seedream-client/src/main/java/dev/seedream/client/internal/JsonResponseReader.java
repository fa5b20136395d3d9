/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seedream.client.ImageSink;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain (non-stream) 200 response. Items are handed on only after the whole body parsed, so a body cut
 * in the middle delivers nothing and can be retried without duplicates. A top-level {@code error} makes the whole
 * answer a failure, whatever else the body holds.
 */
final class JsonResponseReader extends ResponseReader {

    JsonResponseReader(JsonFactory json, long maxImageBytes) {
        super(json, maxImageBytes);
    }

    /** A top-level {@code error} is an {@link ErrorInBodyException}. */
    @Override
    <T> void read(InputStream body, ImageSink<T> sink, ItemHandler<T> handler, ResponseSummary summary, int maxItems)
            throws IOException {
        List<ResponseItem<T>> items = new ArrayList<>();
        ErrorFields error = null;
        boolean sawData = false;
        try (JsonParser parser = json.createParser(Base64ValueDecoder.source(body))) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "model" -> summary.model = parser.getValueAsString();
                    case "created" -> summary.created = ResponseItemReader.readEpochSecond(parser);
                    case "usage" -> summary.usage = value == JsonToken.START_OBJECT
                            ? ResponseItemReader.readUsage(parser) : summary.usage;
                    case "data" -> {
                        readData(parser, value, sink, items, maxItems);
                        sawData = true;
                    }
                    case "error" -> error = ErrorFields.read(parser);
                    default -> parser.skipChildren();
                }
            }
            expect(parser, parser.currentToken(), JsonToken.END_OBJECT);
            if (error != null && error.isPresent()) {
                throw new ErrorInBodyException(error);
            }
            if (!sawData) {
                throw new MalformedBodyException("the answer has neither data nor error");
            }
        } catch (IOException | RuntimeException e) {
            items.forEach(ResponseItem::discard);
            throw e;
        }
        for (ResponseItem<T> item : items) {
            handler.accept(item);
            summary.itemsDelivered++;
        }
    }

    private <T> void readData(JsonParser parser, JsonToken value, ImageSink<T> sink, List<ResponseItem<T>> items,
                              int maxItems) throws IOException {
        expect(parser, value, JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (items.size() == maxItems) {
                throw new MalformedBodyException("the answer has more items than the request can produce ("
                        + maxItems + ")");
            }
            items.add(ResponseItemReader.read(parser, sink, items.size(), maxImageBytes));
        }
        expect(parser, parser.currentToken(), JsonToken.END_ARRAY);
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new MalformedBodyException("expected " + expected + " but found " + actual + " at "
                    + parser.currentLocation().offsetDescription());
        }
    }
}
