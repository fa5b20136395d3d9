/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes a {@code b64_json} string value with {@link Base64}, which the JDK vectorises, instead of Jackson's
 * {@link JsonParser#readBinaryValue}, which decodes one character at a time and was nearly all of the client's CPU
 * per image (JFR). The value's text is read past the parser, straight from its input, in fixed chunks; the closing
 * quote and everything after it are pushed back, so the parser then sees an ordinary string end and goes on. The
 * text never becomes a {@code String}, and memory stays at a few fixed buffers (16 KiB of text, 12 KiB decoded, and the
 * 32 KiB pushback buffer of the source) whatever the image size.
 *
 * <p>The only escape accepted inside the value is {@code \/}, the one a JSON encoder may put into base64 text.
 * When the parser's input is not a {@link #source} stream, Jackson decodes the value as before.
 */
final class Base64ValueDecoder {

    /** Base64 text decoded per call; a multiple of 4, so every full chunk decodes on its own. */
    private static final int CHUNK = 16 * 1024;
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private final PushbackInputStream source;
    private final OutputStream target;
    private final byte[] text = new byte[CHUNK];
    private final byte[] decoded = new byte[CHUNK / 4 * 3];
    private int filled;

    private Base64ValueDecoder(PushbackInputStream source, OutputStream target) {
        this.source = source;
        this.target = target;
    }

    /** Wraps a body so that a parser reading from it can hand {@code b64_json} values to {@link #decode}. */
    static InputStream source(InputStream body) {
        // Room for the tail of one chunk (pushed back at the closing quote) plus the parser's read-ahead (8000).
        return new PushbackInputStream(body, 2 * CHUNK);
    }

    /** Decodes the string value the parser is on into {@code target}; the parser stays on that value. */
    static void decode(JsonParser parser, OutputStream target) throws IOException {
        if (!(parser.getInputSource() instanceof PushbackInputStream source)) {
            parser.readBinaryValue(target);
            return;
        }
        // The parser has read part of the value ahead; it gives that part up (in one write), so it goes back to
        // the input and the whole value is read from there.
        parser.releaseBuffered(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                source.unread(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                source.unread(bytes, offset, length);
            }
        });
        new Base64ValueDecoder(source, target).readToClosingQuote();
    }

    private void readToClosingQuote() throws IOException {
        while (true) {
            int start = filled;
            int count = source.read(text, start, text.length - start);
            if (count < 0) {
                throw new MalformedBodyException("the body ended inside a b64_json value");
            }
            if (collect(start, start + count)) {
                return;
            }
            if (filled == text.length) {
                target.write(decoded, 0, decodeChunk(text));
                filled = 0;
            }
        }
    }

    /** Keeps the base64 text in {@code text[from, to)}; at the closing quote, decodes the rest and returns true. */
    private boolean collect(int from, int to) throws IOException {
        int position = from;
        while (true) {
            int stop = indexOfQuoteOrEscape(position, to);
            System.arraycopy(text, position, text, filled, stop - position);
            filled += stop - position;
            if (stop == to) {
                return false;
            }
            if (text[stop] == '"') {
                source.unread(text, stop, to - stop);
                target.write(decoded, 0, decodeChunk(Arrays.copyOf(text, filled)));
                return true;
            }
            int escaped = stop + 1 < to ? text[stop + 1] : source.read();
            if (escaped < 0) {
                throw new MalformedBodyException("the body ended inside a b64_json value");
            }
            if (escaped != '/') {
                throw new MalformedBodyException("b64_json holds an escape other than \\/, not valid base64 text");
            }
            text[filled++] = '/';
            position = Math.min(stop + 2, to);
        }
    }

    private int decodeChunk(byte[] chunk) throws MalformedBodyException {
        try {
            return BASE64.decode(chunk, decoded);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("b64_json is not valid base64: " + e.getMessage());
        }
    }

    private int indexOfQuoteOrEscape(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = text[i];
            if (b == '"' || b == '\\') {
                return i;
            }
        }
        return to;
    }
}
