/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reference images that break a rule, made in memory. */
final class BadImages {

    /** A text file's bytes, as if a .txt had been picked as the reference image. */
    static final byte[] TEXT_FILE = "name,price\nteapot,12.50\n".repeat(40).getBytes(StandardCharsets.UTF_8);

    private BadImages() {
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid PNG header followed by padding to {@code size} bytes: the size check must refuse it before anything
     * tries to decode it.
     */
    static byte[] hugePng(int size) {
        byte[] header = png(64, 64);
        byte[] bytes = Arrays.copyOf(header, size);
        return bytes;
    }

    static final int FIFTY_MB = 50 * 1024 * 1024;
}
