/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.ImageIO;

/** Small real images, encoded by {@code javax.imageio} (headless), to send as references in tests. */
public final class TestImages {

    private TestImages() {
    }

    /** A black PNG of the given size with one red pixel at the origin. */
    public static byte[] png(int width, int height) {
        return encode("png", width, height);
    }

    /** A black JPEG of the given size with one red pixel at the origin. */
    public static byte[] jpeg(int width, int height) {
        return encode("jpeg", width, height);
    }

    /** A PNG of the given size filled with {@code fill}. */
    public static byte[] png(int width, int height, Color fill) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Objects.requireNonNull(fill, "fill"));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return encode(image, "png");
    }

    /**
     * A black image of the given size with one red pixel at the origin, in an ImageIO format name such as jpeg, png,
     * gif, bmp or tiff.
     */
    public static byte[] encode(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        return encode(image, format);
    }

    /** {@code image} in an ImageIO format name. */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
