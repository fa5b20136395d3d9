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

    /** Reads the object whose START_OBJECT the parser is on. On failure, any started sink target is discarded. */
    static <T> ResponseItem<T> read(JsonParser parser, ImageSink<T> sink, int ordinal) throws IOException {
        ResponseItem<T> item = new ResponseItem<>(ordinal);
        try {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                readField(parser, field, item, sink);
            }
            return item;
        } catch (IOException | RuntimeException e) {
            item.discard();
            throw e;
        }
    }

    private static <T> void readField(JsonParser parser, String field, ResponseItem<T> item, ImageSink<T> sink)
            throws IOException {
        switch (field) {
            case "b64_json" -> decodeImage(parser, item, sink);
            case "url" -> item.url = parser.getValueAsString();
            case "size" -> item.size = parser.getValueAsString();
            case "image_index" -> item.index = parser.getValueAsInt();
            case "type" -> item.type = parser.getValueAsString();
            case "model" -> item.model = parser.getValueAsString();
            case "created" -> item.created = parser.getValueAsLong();
            case "error" -> item.error = ErrorFields.read(parser);
            case "usage" -> item.usage = readUsage(parser);
            default -> parser.skipChildren();
        }
    }

    private static <T> void decodeImage(JsonParser parser, ResponseItem<T> item, ImageSink<T> sink)
            throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException("b64_json is not a string");
        }
        try {
            item.target = sink.open(item.ordinal);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
        item.bytes = new SniffingOutputStream(item.target.stream());
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
