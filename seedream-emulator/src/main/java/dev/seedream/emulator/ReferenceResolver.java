/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns each {@code image} entry into a {@link ReferenceImage}. Data URIs are decoded and checked against the model's
 * reference limits. The emulator has no internet access, so an http(s) URL is never fetched: one that points at the
 * emulator's own {@code /files/} path is read from its store, any other becomes a placeholder derived from the URL.
 */
final class ReferenceResolver {

    private static final Pattern DATA_URI = Pattern.compile("data:image/([A-Za-z0-9.+-]+);base64,(.*)", Pattern.DOTALL);

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final FileStore files;
    private final IntSupplier ownPort;
    private final Supplier<String> ownHost;

    ReferenceResolver(FileStore files, IntSupplier ownPort, Supplier<String> ownHost) {
        this.files = files;
        this.ownPort = ownPort;
        this.ownHost = ownHost;
    }

    ReferenceImage resolve(String value, ModelProfile.ReferenceLimits limits) {
        if (value.startsWith("data:")) {
            return dataUri(value, limits);
        }
        URI uri = parseUrl(value);
        if (isOwnFile(uri)) {
            String name = uri.getPath().substring(FileStore.PATH_PREFIX.length());
            RenderedImage stored = files.get(name).orElseThrow(() -> invalidUrl(
                    "The image URL " + value + " has expired or does not exist."));
            return new ReferenceImage(fingerprint(stored.bytes()), stored.bytes());
        }
        return new ReferenceImage(fingerprint(value.getBytes(StandardCharsets.UTF_8)), null);
    }

    private ReferenceImage dataUri(String value, ModelProfile.ReferenceLimits limits) {
        Matcher m = DATA_URI.matcher(value);
        if (!m.matches()) {
            throw invalidUrl("The image data URI must look like data:image/<format>;base64,<data>.");
        }
        String format = m.group(1);
        if (!format.equals(format.toLowerCase(Locale.ROOT)) || !limits.formats().contains(format)) {
            throw ApiError.invalid("image", "The image format " + format + " is not supported; use one of "
                    + limits.formats() + " in lower case.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw invalidUrl("The image data URI does not hold valid base64.");
        }
        if (bytes.length == 0) {
            throw invalidUrl("The image data URI is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw ApiError.invalid("image", "The image is larger than " + (limits.maxBytes() >> 20) + " MB.");
        }
        checkDimensions(bytes, format, limits);
        return new ReferenceImage(fingerprint(bytes), bytes);
    }

    /** Formats ImageIO can read are checked for decodability and size; others (WebP, HEIC) are taken on trust. */
    private static void checkDimensions(byte[] bytes, String format, ModelProfile.ReferenceLimits limits) {
        if (!ImageIO.getImageReadersBySuffix(format).hasNext()) {
            return;
        }
        int[] dims = readDimensions(bytes).orElseThrow(() -> invalidUrl("The image cannot be decoded as " + format
                + "."));
        int w = dims[0];
        int h = dims[1];
        double aspect = (double) w / h;
        if (w <= limits.minSideExclusive() || h <= limits.minSideExclusive()
                || (long) w * h > limits.maxPixels()) {
            throw ApiError.invalid("image", "The image size " + w + "x" + h + " is outside the model's limits.");
        }
        if (aspect > limits.maxAspect() || aspect < 1 / limits.maxAspect()) {
            throw ApiError.invalid("image", "The image aspect ratio " + w + "x" + h + " is outside [1/"
                    + (int) limits.maxAspect() + ", " + (int) limits.maxAspect() + "].");
        }
    }

    private static Optional<int[]> readDimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static URI parseUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below like any other unusable value
        }
        throw invalidUrl("The image must be an http(s) URL or a data URI: " + abbreviate(value));
    }

    /** Matched by name only, never by DNS: validation runs on the event loop. */
    private boolean isOwnFile(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = LOCAL_HOSTS.contains(host) || host.equals(ownHost.get());
        return local && uri.getPort() == ownPort.getAsInt() && uri.getPath() != null
                && uri.getPath().startsWith(FileStore.PATH_PREFIX);
    }

    private static ApiError invalidUrl(String message) {
        return new ApiError(400, "InvalidImageURL", message, "image", ApiError.NO_RETRY_AFTER);
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }

    static String fingerprint(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
