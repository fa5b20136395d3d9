/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The image formats the Seedream API documents for reference images. The format of a local image is always
 * sniffed from its first bytes, never taken from a file name or a declared MIME type, so a PNG renamed
 * {@code .jpg} is still sent as {@code image/png}.
 */
public enum ImageFormat {
    /** JPEG, {@code image/jpeg}. */
    JPEG,
    /** PNG, {@code image/png}. */
    PNG,
    /** WebP, {@code image/webp}. */
    WEBP,
    /** BMP, {@code image/bmp}. */
    BMP,
    /** TIFF, {@code image/tiff}. */
    TIFF,
    /** GIF, {@code image/gif}. */
    GIF,
    /** HEIC (HEVC-coded HEIF), {@code image/heic}. */
    HEIC,
    /** HEIF, {@code image/heif}. */
    HEIF;

    /**
     * {@code image/<apiName>}, e.g. {@code image/jpeg}.
     *
     * @return the MIME type
     */
    public String mimeType() {
        return "image/" + apiName();
    }

    /**
     * The lower-case name used in data URIs ({@code data:image/<apiName>;base64,…}).
     *
     * @return the lower-case name, e.g. {@code jpeg}
     */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Recognizes an image from its magic bytes.
     *
     * @param head the first bytes of the content (at least 32 for every format to be recognizable)
     * @return the format, or null when the bytes are not one of the documented image formats
     */
    public static ImageFormat detect(byte[] head) {
        if (head == null) {
            return null;
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return GIF;
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(head, 0, 'I', 'I', 0x2A, 0x00) || startsWith(head, 0, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (isBmp(head)) {
            return BMP;
        }
        return ascii(head, 4, "ftyp") ? detectIsoMedia(head) : null;
    }

    /** "BM" alone is too weak (a text file may start with it), so the DIB header size must be a known one too. */
    private static boolean isBmp(byte[] head) {
        if (!ascii(head, 0, "BM") || head.length < 18) {
            return false;
        }
        int dibSize = (head[14] & 0xFF) | (head[15] & 0xFF) << 8 | (head[16] & 0xFF) << 16 | (head[17] & 0xFF) << 24;
        return dibSize == 12 || dibSize == 40 || dibSize == 52 || dibSize == 56 || dibSize == 64
                || dibSize == 108 || dibSize == 124;
    }

    /**
     * HEIC and HEIF share the ISO media container with AVIF and MP4; the brands tell them apart. The generic
     * {@code mif1}/{@code msf1} brands are HEIF unless a compatible brand says HEVC (HEIC) or AV1 (AVIF, not ours).
     */
    private static ImageFormat detectIsoMedia(byte[] head) {
        String major = brandAt(head, 8);
        if (isHevcBrand(major)) {
            return HEIC;
        }
        if (!"mif1".equals(major) && !"msf1".equals(major) && !"heif".equals(major)) {
            return null;
        }
        int boxSize = (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
        ImageFormat format = HEIF;
        for (int offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) {
            String brand = brandAt(head, offset);
            if ("avif".equals(brand) || "avis".equals(brand)) {
                return null;
            }
            if (isHevcBrand(brand)) {
                format = HEIC;
            }
        }
        return format;
    }

    private static boolean isHevcBrand(String brand) {
        return "heic".equals(brand) || "heix".equals(brand) || "hevc".equals(brand) || "hevx".equals(brand)
                || "heim".equals(brand) || "heis".equals(brand);
    }

    private static String brandAt(byte[] head, int offset) {
        return head.length < offset + 4 ? "" : new String(head, offset, 4, StandardCharsets.ISO_8859_1);
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        if (head.length < offset + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (head[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
