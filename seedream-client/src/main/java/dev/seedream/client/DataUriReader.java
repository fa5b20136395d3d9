package dev.seedream.client;

import java.io.Reader;

/**
 * Yields {@code prefix} and then the base64 encoding of {@code data}, a few characters at a time. Handed to
 * {@code JsonGenerator.writeString(Reader, int)} it lets a 10 MB reference image go into the request body
 * without the 13 MB base64 {@code String} that {@code Base64.getEncoder().encodeToString} would build.
 */
final class DataUriReader extends Reader {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final String prefix;
    private final byte[] data;
    private int prefixPos;
    private int dataPos;
    private final char[] quad = new char[4];
    private int quadPos = 4;

    DataUriReader(String prefix, byte[] data) {
        this.prefix = prefix;
        this.data = data;
    }

    /** Characters this reader yields in total: the prefix plus padded base64. */
    static int length(String prefix, int dataLength) {
        return prefix.length() + (dataLength + 2) / 3 * 4;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length && prefixPos < prefix.length()) {
            buffer[offset + written++] = prefix.charAt(prefixPos++);
        }
        while (written < length) {
            if (quadPos == 4 && !encodeNextGroup()) {
                break;
            }
            buffer[offset + written++] = quad[quadPos++];
        }
        return written == 0 ? -1 : written;
    }

    /** Encodes the next three bytes (fewer at the end, padded with '=') into {@link #quad}. */
    private boolean encodeNextGroup() {
        int remaining = data.length - dataPos;
        if (remaining <= 0) {
            return false;
        }
        int b0 = data[dataPos] & 0xFF;
        int b1 = remaining > 1 ? data[dataPos + 1] & 0xFF : 0;
        int b2 = remaining > 2 ? data[dataPos + 2] & 0xFF : 0;
        quad[0] = ALPHABET[b0 >>> 2];
        quad[1] = ALPHABET[(b0 & 0x03) << 4 | b1 >>> 4];
        quad[2] = remaining > 1 ? ALPHABET[(b1 & 0x0F) << 2 | b2 >>> 6] : '=';
        quad[3] = remaining > 2 ? ALPHABET[b2 & 0x3F] : '=';
        dataPos += Math.min(3, remaining);
        quadPos = 0;
        return true;
    }

    @Override
    public void close() {
        // nothing to release: the data belongs to the ReferenceImage
    }
}
