/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seedream.client.ImageSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code stream=true} response (Server-Sent Events) incrementally. Each event's {@code data:} line is
 * parsed straight from the body stream, so an image is decoded into its sink while its event is still arriving and
 * handed on the moment the event ends — never buffered as a line or a {@code String}.
 *
 * <p>Accepted: an {@code event:} line repeating the type (or standing in for a missing {@code type} field),
 * comments, {@code id:}/{@code retry:} lines (ignored), a final {@code data: [DONE]}, and an event's data split over
 * several {@code data:} lines (valid SSE, joined; the provider sends one). The completion event is optional: a
 * stream that ends cleanly after its images is complete (its usage then unknown), since one source shows
 * single-image streams without it.
 */
final class SseResponseReader extends ResponseReader {

    static final String SUCCEEDED = "image_generation.partial_succeeded";
    static final String FAILED = "image_generation.partial_failed";
    static final String COMPLETED = "image_generation.completed";
    private static final int MAX_SMALL_VALUE = 4096;
    /** Field names are words like {@code data}: a longer one is not SSE, and must not grow without end. */
    private static final int MAX_FIELD_NAME = 64;

    SseResponseReader(JsonFactory json, long maxImageBytes) {
        super(json, maxImageBytes);
    }

    /**
     * Reads events until the end of the body.
     *
     * @throws StreamCutException   the body ended before any image event
     * @throws ErrorInBodyException the provider reported a whole-request error inside the stream
     */
    @Override
    <T> void read(InputStream body, ImageSink<T> sink, ItemHandler<T> handler, ResponseSummary summary, int maxItems)
            throws IOException {
        LineReader lines = new LineReader(body);
        String eventType = null;
        boolean completed = false;
        String field;
        boolean done = false;
        while (!done && (field = lines.nextField()) != null) {
            switch (field) {
                case "" -> eventType = null;
                case "event" -> eventType = lines.restOfLine(MAX_SMALL_VALUE).trim();
                case "data" -> {
                    if (lines.peek() == '{') {
                        completed |= onData(lines.lineStream(), eventType, sink, handler, summary, maxItems);
                    } else {
                        // [DONE] ends the stream even if the server keeps the connection open afterwards.
                        done = "[DONE]".equals(lines.restOfLine(MAX_SMALL_VALUE).trim());
                    }
                }
                default -> lines.restOfLine(0);
            }
        }
        if (!completed && summary.itemsDelivered == 0) {
            throw new StreamCutException("stream ended before any image event");
        }
    }

    /** Handles one data line; returns whether it was the completion event. */
    private <T> boolean onData(InputStream line, String eventType, ImageSink<T> sink, ItemHandler<T> handler,
                               ResponseSummary summary, int maxItems) throws IOException {
        ResponseItem<T> item;
        InputStream source = Base64ValueDecoder.source(line);
        try (JsonParser parser = json.createParser(source)) {
            parser.nextToken();
            item = ResponseItemReader.read(parser, sink, summary.itemsDelivered, maxImageBytes);
            // Before the parser closes the source: the rest of the line, pushed back or not yet read, is dropped.
            source.transferTo(OutputStream.nullOutputStream());
        }
        String type = item.type != null ? item.type : eventType;
        summary.model = item.model != null ? item.model : summary.model;
        summary.created = item.created != null ? item.created : summary.created;
        if (COMPLETED.equals(type)) {
            summary.usage = item.usage;
            return true;
        }
        if (SUCCEEDED.equals(type) || FAILED.equals(type) || (type == null && item.hasImage())) {
            if (summary.itemsDelivered == maxItems) {
                item.discard();
                throw new MalformedBodyException("the stream has more image events than the request can produce ("
                        + maxItems + ")");
            }
            handler.accept(item);
            summary.itemsDelivered++;
        } else if (item.hasError()) {
            item.discard();
            throw new ErrorInBodyException(item.error);
        } else {
            item.discard();
        }
        return false;
    }

    /** Byte-level SSE line reader: field names and small values as text, a data value as a bounded stream. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line's field name, "" for a blank line, null at the end of the body. Comments are skipped. */
        String nextField() throws IOException {
            int b = read();
            while (b == ':') { // a comment line
                restOfLine(0);
                b = read();
            }
            if (b == -1) {
                return null;
            }
            ByteArrayOutputStream name = new ByteArrayOutputStream(16);
            while (b != -1 && b != ':' && b != '\n') {
                if (b != '\r') {
                    name.write(b);
                }
                if (name.size() > MAX_FIELD_NAME) {
                    throw new MalformedBodyException("the stream has a line that is no SSE field (a name longer than "
                            + MAX_FIELD_NAME + " bytes)");
                }
                b = read();
            }
            if (b == ':' && peek() == ' ') {
                read();
            }
            return name.toString(StandardCharsets.UTF_8);
        }

        int peek() throws IOException {
            return fill() ? buffer[position] & 0xff : -1;
        }

        String restOfLine(int limit) throws IOException {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            int b;
            while ((b = read()) != -1 && b != '\n') {
                if (value.size() < limit) {
                    value.write(b);
                }
            }
            return value.toString(StandardCharsets.UTF_8);
        }

        /** The rest of the current line as a stream that ends at (and consumes) the line break; bulk copies. */
        InputStream lineStream() {
            return new InputStream() {
                private boolean ended;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] target, int offset, int length) throws IOException {
                    while (!ended && fill()) {
                        int end = Math.min(limit, position + length);
                        int count = 0;
                        while (position + count < end && buffer[position + count] != '\n') {
                            count++;
                        }
                        System.arraycopy(buffer, position, target, offset, count);
                        position += count;
                        if (position < end) { // stopped at the line break
                            position++;
                            if (count > 0 && target[offset + count - 1] == '\r') {
                                count--; // a CRLF line end
                            }
                            ended = !continuesData();
                        }
                        if (count > 0) {
                            return count;
                        }
                    }
                    ended = true;
                    return -1;
                }
            };
        }

        /**
         * Whether the next line continues the event's data ({@code data:} again, which SSE joins to the line before;
         * the JSON parser reads the join as white space). If so, its field name is consumed.
         */
        private boolean continuesData() {
            try {
                // One byte tells: the blank line that ends an event arrives with it, so the image is not held back.
                if (!ensure(1) || buffer[position] != 'd') {
                    return false;
                }
                if (!ensure(5) || buffer[position + 1] != 'a' || buffer[position + 2] != 't'
                        || buffer[position + 3] != 'a' || buffer[position + 4] != ':') {
                    return false;
                }
                position += 5;
                if (ensure(1) && buffer[position] == ' ') {
                    position++;
                }
                return true;
            } catch (IOException cut) {
                return false; // the line is complete; the next read reports the failure
            }
        }

        /** At least {@code count} unread bytes in the buffer, unless the body ends first. */
        private boolean ensure(int count) throws IOException {
            if (limit - position >= count) {
                return true;
            }
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            while (limit < count) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read <= 0) {
                    return false;
                }
                limit += read;
            }
            return true;
        }

        private boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            int count = in.read(buffer);
            if (count <= 0) {
                return false;
            }
            position = 0;
            limit = count;
            return true;
        }

        private int read() throws IOException {
            return fill() ? buffer[position++] & 0xff : -1;
        }
    }
}
