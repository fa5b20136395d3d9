/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.Redaction;

import java.io.File;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * One reference image of an {@link ImageRequest}: either a URL the provider fetches itself, or local bytes
 * sent inline as a base64 data URI. Immutable.
 *
 * <p>Local bytes are kept decoded, and their format and dimensions are read from the bytes once, here, so
 * validating a request twice (builder, then client with the model's limits) costs nothing. The MIME type sent
 * is the sniffed one: a file name or a data URI's declared type is never trusted.
 *
 * <p>Local content is capped at {@link #MAX_INLINE_BYTES} when read, so a huge stream cannot exhaust the heap;
 * the per-model limits (10 MB or 30 MB) are checked later by {@link RequestValidator}.
 */
public final class ReferenceImage {

    /** Largest local image read at all: above every documented per-model limit, far below typical heaps. */
    public static final int MAX_INLINE_BYTES = 64 * 1024 * 1024;

    private static final int SNIFF_BYTES = 512;

    private final String url;
    private final byte[] data;
    private final String declaredMimeType;
    private final ImageFormat format;
    private final ImageDimensions dimensions;

    private ReferenceImage(String url, byte[] data, String declaredMimeType) {
        this.url = url;
        this.data = data;
        this.declaredMimeType = declaredMimeType;
        this.format = data == null ? null : ImageFormat.detect(data);
        this.dimensions = data == null ? ImageDimensions.UNKNOWN : ImageDimensions.read(data, format);
    }

    /**
     * An image the provider downloads. Whether it is an absolute http(s) URL is checked by the validator, so
     * every problem of a request is reported at once; https is recommended, http is allowed for local emulators.
     *
     * @param url the image's URL
     * @return the reference image
     */
    public static ReferenceImage url(String url) {
        requireNonNull(url, "url");
        return new ReferenceImage(url, null, null);
    }

    /**
     * A {@code data:<type>/<subtype>;base64,<data>} URI. The data is decoded and sniffed; the declared type is
     * kept only for messages and for formats this client does not recognize.
     *
     * @param dataUri the data URI
     * @return the reference image
     * @throws IllegalArgumentException when the text is not a base64 data URI or the base64 is invalid
     */
    public static ReferenceImage dataUri(String dataUri) {
        requireNonNull(dataUri, "dataUri");
        int comma = dataUri.indexOf(',');
        String header = comma < 0 ? "" : dataUri.substring(0, comma).toLowerCase(Locale.ROOT);
        if (!header.startsWith("data:") || !header.endsWith(";base64")) {
            throw new IllegalArgumentException("Reference image data URI must look like 'data:image/<format>;base64,"
                    + "<data>', got '" + Redaction.truncate(dataUri, 40) + "'");
        }
        String mimeType = header.substring(5, header.indexOf(';'));
        if (!mimeType.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
            throw new IllegalArgumentException("Reference image data URI has no valid media type before "
                    + "';base64', got '" + Redaction.truncate(header, 40) + "'");
        }
        return new ReferenceImage(null, decodeBase64(dataUri.substring(comma + 1)), mimeType);
    }

    /**
     * Local image bytes, copied so later changes to the array cannot alter the request.
     *
     * @param bytes the image bytes
     * @return the reference image
     */
    public static ReferenceImage bytes(byte[] bytes) {
        requireNonNull(bytes, "bytes");
        if (bytes.length > MAX_INLINE_BYTES) {
            throw tooLarge("byte array", bytes.length);
        }
        return new ReferenceImage(null, bytes.clone(), null);
    }

    /**
     * Reads the stream to its end, but at most {@link #MAX_INLINE_BYTES}; the caller still owns and closes it.
     *
     * @param in the stream to read
     * @return the reference image
     * @throws IllegalArgumentException when the stream holds more than the cap
     * @throws UncheckedIOException     when reading fails
     */
    public static ReferenceImage stream(InputStream in) {
        requireNonNull(in, "stream");
        try {
            byte[] bytes = in.readNBytes(MAX_INLINE_BYTES + 1);
            if (bytes.length > MAX_INLINE_BYTES) {
                throw new IllegalArgumentException("Reference image stream holds more than " + MAX_INLINE_BYTES
                        + " bytes; no Seedream model accepts images this large");
            }
            return new ReferenceImage(null, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read reference image stream", e);
        }
    }

    /**
     * Reads a local file. Its name and extension play no part: the format comes from the bytes.
     *
     * @param path the file to read
     * @return the reference image
     * @throws IllegalArgumentException when the file is larger than {@link #MAX_INLINE_BYTES}
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static ReferenceImage path(Path path) {
        requireNonNull(path, "path");
        try {
            long size = Files.size(path);
            if (size > MAX_INLINE_BYTES) {
                throw tooLarge("file " + path.getFileName(), size);
            }
            return new ReferenceImage(null, Files.readAllBytes(path), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read reference image file " + path, e);
        }
    }

    /**
     * Converts whatever an adapter received (a Camel body or header, a NiFi attribute) into a reference image.
     *
     * @param source a ReferenceImage, byte[], InputStream, Path, File, URI or URL (http, https, file or data),
     *               or a String holding an http(s) URL or a data URI
     * @return the reference image
     * @throws IllegalArgumentException for null or any other type, naming the accepted ones
     */
    public static ReferenceImage from(Object source) {
        if (source instanceof ReferenceImage image) {
            return image;
        } else if (source instanceof byte[] bytes) {
            return bytes(bytes);
        } else if (source instanceof InputStream in) {
            return stream(in);
        } else if (source instanceof Path path) {
            return path(path);
        } else if (source instanceof File file) {
            return path(file.toPath());
        } else if (source instanceof URI uri) {
            return fromUri(uri);
        } else if (source instanceof URL url) {
            return fromUri(toUri(url));
        } else if (source instanceof String string) {
            String text = string.trim();
            return text.regionMatches(true, 0, "data:", 0, 5) ? dataUri(text) : url(text);
        }
        throw new IllegalArgumentException("Cannot use " + (source == null ? "null" : source.getClass().getName())
                + " as a reference image; accepted: ReferenceImage, byte[], InputStream, Path, File, URI, URL, "
                + "or String (http(s) URL or data URI)");
    }

    /**
     * Whether {@link #from(Object)} takes {@code source} as it is; an adapter converts anything else (to
     * {@code byte[]}, say) first.
     *
     * @param source the value to check, may be null
     * @return true when its type is one {@link #from(Object)} accepts
     */
    public static boolean isSupportedSource(Object source) {
        return source instanceof ReferenceImage || source instanceof byte[] || source instanceof InputStream
                || source instanceof Path || source instanceof File || source instanceof URI || source instanceof URL
                || source instanceof String;
    }

    /**
     * True for local bytes sent as a data URI, false for a URL the provider fetches.
     *
     * @return whether the image is sent inline
     */
    public boolean isInline() {
        return data != null;
    }

    /**
     * The URL as given, or null for an inline image.
     *
     * @return the URL, or null
     */
    public String url() {
        return url;
    }

    /**
     * The format sniffed from the bytes; null for URLs and for content that is not a recognized image.
     *
     * @return the format, or null
     */
    public ImageFormat format() {
        return format;
    }

    /**
     * The sniffed image type; for unrecognized inline content the type a data URI declared, else
     * {@code text/plain} or {@code application/octet-stream} (for messages). Null for URLs.
     *
     * @return the MIME type, or null
     */
    public String mimeType() {
        if (data == null) {
            return null;
        }
        if (format != null) {
            return format.mimeType();
        }
        return declaredMimeType != null ? declaredMimeType : guessNonImageType(data);
    }

    /**
     * Size of the decoded image in bytes, or -1 for a URL.
     *
     * @return the size in bytes, or -1
     */
    public long byteSize() {
        return data == null ? -1 : data.length;
    }

    /**
     * Width in pixels read from the header, or -1 when unknown (URLs, HEIC/HEIF, unreadable headers).
     *
     * @return the width in pixels, or -1
     */
    public int width() {
        return dimensions.width();
    }

    /**
     * Height in pixels read from the header, or -1 when unknown.
     *
     * @return the height in pixels, or -1
     */
    public int height() {
        return dimensions.height();
    }

    /** The data URI's start, e.g. {@code data:image/png;base64,}, using the sniffed type. */
    String dataUriPrefix() {
        return "data:" + mimeType() + ";base64,";
    }

    /**
     * Writes the image as base64 (the data URI without its prefix) with the JDK's encoder, straight to {@code out},
     * which stays open: never a 13 MB base64 {@code String} for a 10 MB image.
     */
    void writeBase64(OutputStream out) throws IOException {
        try (OutputStream base64 = Base64.getEncoder().wrap(new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() {
                // closing the encoder writes its last group and padding; the body goes on
            }
        })) {
            base64.write(data);
        }
    }

    /** Characters of the whole data URI: the prefix plus padded base64. */
    int dataUriLength() {
        return dataUriPrefix().length() + (data.length + 2) / 3 * 4;
    }

    /** Equal when they send the same: the same URL, or the same bytes as the same MIME type. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceImage image && Objects.equals(url, image.url)
                && Arrays.equals(data, image.data) && Objects.equals(declaredMimeType, image.declaredMimeType);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(url, declaredMimeType) + Arrays.hashCode(data);
    }

    /** {@code data:image/png;base64,…(1.2 MB)} or the URL without query: never image data or URL secrets. */
    @Override
    public String toString() {
        return data == null ? Redaction.url(url) : dataUriPrefix() + "…(" + Redaction.bytes(data.length) + ")";
    }

    private static ReferenceImage fromUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return path(Path.of(uri));
            case "data":
                return dataUri(uri.toString());
            default:
                return url(uri.toString());
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Reference image URL is not a valid URI: "
                    + Redaction.url(url.toString()), e);
        }
    }

    /** Tolerates line breaks (some encoders wrap at 76 characters) but no other stray characters. */
    private static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64.indexOf('\n') < 0 && base64.indexOf('\r') < 0
                    ? base64 : base64.replaceAll("[\\r\\n]", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Reference image data URI has invalid base64 data: "
                    + e.getMessage(), e);
        }
    }

    /** Only for messages such as "is text/plain, not an image": printable UTF-8 reads as text. */
    private static String guessNonImageType(byte[] bytes) {
        int length = Math.min(bytes.length, SNIFF_BYTES);
        String head = new String(bytes, 0, length, StandardCharsets.UTF_8);
        boolean text = length > 0 && head.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD && c != 0x7F
                || c == '\n' || c == '\r' || c == '\t');
        return text ? "text/plain" : "application/octet-stream";
    }

    private static IllegalArgumentException tooLarge(String what, long size) {
        return new IllegalArgumentException("Reference image " + what + " is larger than " + MAX_INLINE_BYTES
                + " bytes (got " + size + "); no Seedream model accepts images this large");
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("Reference image " + name + " must not be null");
        }
    }
}
