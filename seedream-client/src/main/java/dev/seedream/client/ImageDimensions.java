/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.nio.charset.StandardCharsets;

/**
 * Width and height read from an image's header bytes, without decoding pixels (javax.imageio would decode
 * and allocate the whole bitmap). Every read is bounds-checked: a truncated or odd header gives
 * {@link #UNKNOWN} rather than an exception, and the provider then judges the image itself.
 *
 * @param width  pixels, or -1 when unknown
 * @param height pixels, or -1 when unknown
 */
record ImageDimensions(int width, int height) {

    static final ImageDimensions UNKNOWN = new ImageDimensions(-1, -1);

    /** Reads the dimensions of {@code data}, already recognized as {@code format}. HEIC/HEIF stay unknown. */
    static ImageDimensions read(byte[] data, ImageFormat format) {
        if (format == null) {
            return UNKNOWN;
        }
        try {
            return switch (format) {
                case PNG -> of(readInt(data, 16, false), readInt(data, 20, false));
                case GIF -> of(readShort(data, 6, true), readShort(data, 8, true));
                case BMP -> readBmp(data);
                case JPEG -> readJpeg(data);
                case WEBP -> readWebp(data);
                case TIFF -> readTiff(data);
                case HEIC, HEIF -> UNKNOWN;
            };
        } catch (IndexOutOfBoundsException truncated) {
            return UNKNOWN;
        }
    }

    private static ImageDimensions of(long width, long height) {
        return width > 0 && height > 0 && width <= Integer.MAX_VALUE && height <= Integer.MAX_VALUE
                ? new ImageDimensions((int) width, (int) height) : UNKNOWN;
    }

    /** BITMAPCOREHEADER (12 bytes) has 16-bit sides; later headers 32-bit, with a negative height for top-down rows. */
    private static ImageDimensions readBmp(byte[] data) {
        if (readInt(data, 14, true) == 12) {
            return of(readShort(data, 18, true), readShort(data, 20, true));
        }
        return of(readInt(data, 18, true), Math.abs((long) (int) readInt(data, 22, true)));
    }

    /** Walks the marker segments to the first start-of-frame (SOF0..SOF15 except DHT, JPG and DAC). */
    private static ImageDimensions readJpeg(byte[] data) {
        int pos = 2;
        while (pos + 3 < data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                return UNKNOWN;
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                pos += 2; // standalone marker, no length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return UNKNOWN; // scan data or end before any frame header
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return of(readShort(data, pos + 7, false), readShort(data, pos + 5, false));
            }
            pos += 2 + (int) readShort(data, pos + 2, false);
        }
        return UNKNOWN;
    }

    /** The first chunk after the RIFF header tells the flavour: lossy VP8, lossless VP8L or extended VP8X. */
    private static ImageDimensions readWebp(byte[] data) {
        String chunk = new String(data, 12, 4, StandardCharsets.ISO_8859_1);
        switch (chunk) {
            case "VP8 ":
                return of(readShort(data, 26, true) & 0x3FFF, readShort(data, 28, true) & 0x3FFF);
            case "VP8L":
                long bits = readInt(data, 21, true);
                return of((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
            case "VP8X":
                return of(readUint24(data, 24) + 1, readUint24(data, 27) + 1);
            default:
                return UNKNOWN;
        }
    }

    /** Tags 256 (ImageWidth) and 257 (ImageLength) of the first IFD, SHORT or LONG, in either byte order. */
    private static ImageDimensions readTiff(byte[] data) {
        boolean little = data[0] == 'I';
        int ifd = (int) readInt(data, 4, little);
        int entries = (int) readShort(data, ifd, little);
        long width = -1;
        long height = -1;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            long tag = readShort(data, entry, little);
            long type = readShort(data, entry + 2, little);
            long value = type == 3 ? readShort(data, entry + 8, little) : readInt(data, entry + 8, little);
            if (tag == 256) {
                width = value;
            } else if (tag == 257) {
                height = value;
            }
        }
        return of(width, height);
    }

    private static long readShort(byte[] data, int offset, boolean little) {
        int a = data[offset] & 0xFF;
        int b = data[offset + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long readInt(byte[] data, int offset, boolean little) {
        long a = readShort(data, offset, little);
        long b = readShort(data, offset + 2, little);
        return little ? a | b << 16 : a << 16 | b;
    }

    private static long readUint24(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16;
    }
}
