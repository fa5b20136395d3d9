/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.junit.TestImages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reference images for the request-model tests: real ones written by javax.imageio (headless), and hand-made
 * headers for formats it cannot write or sizes too big to render.
 */
final class ReferenceImageSamples {

    private ReferenceImageSamples() {
    }

    /** A real image of the given size in an ImageIO format name: jpeg, png, gif, bmp, tiff. */
    static byte[] encoded(String format, int width, int height) {
        return TestImages.encode(format, width, height);
    }

    static byte[] jpeg(int width, int height) {
        return encoded("jpeg", width, height);
    }

    static byte[] png(int width, int height) {
        return encoded("png", width, height);
    }

    /** A PNG signature and IHDR only: enough for sniffing, for sizes too big to render in a test. */
    static byte[] pngHeader(int width, int height) {
        return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ascii("IHDR")).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0})
                .array();
    }

    /** A real small JPEG padded with zeros to {@code size} bytes: its header still says what it is. */
    static byte[] paddedJpeg(int size) {
        return Arrays.copyOf(jpeg(64, 64), size);
    }

    static byte[] webpLossy(int width, int height) {
        ByteBuffer riff = riffWebp("VP8 ", 10);
        riff.put(new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A});
        riff.putShort((short) width).putShort((short) height);
        return riff.array();
    }

    static byte[] webpLossless(int width, int height) {
        ByteBuffer riff = riffWebp("VP8L", 5);
        riff.put((byte) 0x2F).putInt((width - 1) | (height - 1) << 14);
        return riff.array();
    }

    static byte[] webpExtended(int width, int height) {
        ByteBuffer riff = riffWebp("VP8X", 10);
        riff.putInt(0);
        putUint24(riff, width - 1);
        putUint24(riff, height - 1);
        return riff.array();
    }

    /** A little-endian ("II") TIFF with width as SHORT and height as LONG; ImageIO writes big-endian. */
    static byte[] tiffLittleEndian(int width, int height) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put(ascii("II")).putShort((short) 42).putInt(8).putShort((short) 2);
        tiff.putShort((short) 256).putShort((short) 3).putInt(1).putShort((short) width).putShort((short) 0);
        tiff.putShort((short) 257).putShort((short) 4).putInt(1).putInt(height);
        return tiff.putInt(0).array();
    }

    /** An ISO media {@code ftyp} box with a major brand and compatible brands, as HEIC/HEIF/AVIF files start. */
    static byte[] ftyp(String major, String... compatible) {
        ByteBuffer box = ByteBuffer.allocate(16 + 4 * compatible.length);
        box.putInt(16 + 4 * compatible.length).put(ascii("ftyp")).put(ascii(major)).putInt(0);
        for (String brand : compatible) {
            box.put(ascii(brand));
        }
        return box.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer riffWebp(String chunk, int payload) {
        ByteBuffer riff = ByteBuffer.allocate(20 + payload).order(ByteOrder.LITTLE_ENDIAN);
        return riff.put(ascii("RIFF")).putInt(12 + payload).put(ascii("WEBP")).put(ascii(chunk)).putInt(payload);
    }

    private static void putUint24(ByteBuffer buffer, int value) {
        buffer.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
}
