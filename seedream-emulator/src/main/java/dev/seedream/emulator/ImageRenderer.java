/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws an image a person can trace back to its request: colours from the prompt's hash (or the first reference image,
 * tinted), per-pixel noise so JPEG sizes resemble photographs, and the prompt, index, size and seed written on it.
 * Pure function of the {@link RenderKey} (and the reference bytes), so renders are deterministic.
 */
final class ImageRenderer {

    private static final int PLACEHOLDER_SIDE = 512;

    RenderedImage render(RenderKey key, ReferenceImage reference) {
        long hash = hash(key);
        BufferedImage image = new BufferedImage(key.width(), key.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            if (reference == null) {
                paintBackground(g, key.width(), key.height(), hash);
            } else {
                paintReference(g, key.width(), key.height(), reference, hash);
            }
            addNoise(image, new SplittableRandom(hash), key.noise());
            drawCaption(g, key, reference != null);
        } finally {
            g.dispose();
        }
        byte[] bytes = key.format().equals("png") ? encodePng(image) : encodeJpeg(image, key.quality());
        return new RenderedImage(bytes, key.width(), key.height(), key.format());
    }

    private static void paintBackground(Graphics2D g, int w, int h, long hash) {
        Color from = colour(hash);
        Color to = colour(Long.rotateLeft(hash, 23));
        g.setPaint(new GradientPaint(0, 0, from, w, h, to));
        g.fillRect(0, 0, w, h);
        SplittableRandom shapes = new SplittableRandom(hash ^ 0x5DEECE66DL);
        for (int i = 0; i < 6; i++) {
            g.setColor(withAlpha(colour(shapes.nextLong()), 110));
            int d = (int) (Math.min(w, h) * (0.15 + shapes.nextDouble() * 0.35));
            g.fillOval(shapes.nextInt(Math.max(1, w - d / 2)), shapes.nextInt(Math.max(1, h - d / 2)), d, d);
        }
    }

    /** Edit requests: the first reference scaled to the output size, tinted with the prompt's colour. */
    private static void paintReference(Graphics2D g, int w, int h, ReferenceImage reference, long hash) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(decodeOrPlaceholder(reference), 0, 0, w, h, null);
        g.setColor(withAlpha(colour(hash), 80));
        g.fillRect(0, 0, w, h);
    }

    private static BufferedImage decodeOrPlaceholder(ReferenceImage reference) {
        if (reference.data() != null) {
            try {
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(reference.data()));
                if (decoded != null) {
                    return decoded;
                }
            } catch (IOException e) {
                // formats ImageIO cannot read (WebP, HEIC) fall back to the placeholder below
            }
        }
        BufferedImage placeholder = new BufferedImage(PLACEHOLDER_SIDE, PLACEHOLDER_SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = placeholder.createGraphics();
        long hash = reference.fingerprint().hashCode() * 0x9E3779B97F4A7C15L;
        paintBackground(g, PLACEHOLDER_SIDE, PLACEHOLDER_SIDE, hash);
        g.dispose();
        return placeholder;
    }

    /** Independent noise per channel: what makes the JPEG as large as a photograph's. */
    private static void addNoise(BufferedImage image, SplittableRandom random, double noise) {
        if (noise <= 0) {
            return;
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int amplitude = (int) Math.round(noise * 255);
        for (int i = 0; i < pixels.length; i++) {
            long bits = random.nextLong();
            int p = pixels[i];
            int r = clamp(((p >> 16) & 0xFF) + jitter(bits, amplitude));
            int gr = clamp(((p >> 8) & 0xFF) + jitter(bits >>> 16, amplitude));
            int b = clamp((p & 0xFF) + jitter(bits >>> 32, amplitude));
            pixels[i] = (r << 16) | (gr << 8) | b;
        }
    }

    /** A value in [-amplitude, amplitude] from 16 random bits. */
    private static int jitter(long bits, int amplitude) {
        return (int) (((bits & 0xFFFF) * (2L * amplitude + 1)) >>> 16) - amplitude;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    private static void drawCaption(Graphics2D g, RenderKey key, boolean edit) {
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int fontSize = Math.max(12, Math.min(key.width(), key.height()) / 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            FontMetrics fm = g.getFontMetrics();
            List<String> lines = wrap(key.prompt(), fm, key.width() - 2 * fontSize);
            lines.add((edit ? "edit · " : "") + "image " + key.index() + " · " + key.width() + "x" + key.height()
                    + " · seed " + key.seed());
            int lineHeight = fm.getHeight();
            int boxHeight = lineHeight * lines.size() + fontSize;
            int top = (key.height() - boxHeight) / 2;
            g.setColor(new Color(0, 0, 0, 150));
            g.fillRect(0, top, key.width(), boxHeight);
            g.setColor(Color.WHITE);
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), fontSize, top + fontSize / 2 + fm.getAscent() + i * lineHeight);
            }
        } catch (Error e) {
            // A JRE without fonts (no fontconfig) cannot draw text; the colours alone still identify the prompt.
        }
    }

    private static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
            if (lines.size() == 6) {
                break;
            }
        }
        if (line.length() > 0 && lines.size() < 6) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] encodeJpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 3);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static long hash(RenderKey key) {
        String identity = key.prompt() + '\u0000' + key.seed() + '\u0000' + key.width() + 'x' + key.height()
                + '\u0000' + key.index() + '\u0000' + key.referenceFingerprint();
        String hex = ReferenceResolver.fingerprint(identity.getBytes(StandardCharsets.UTF_8));
        return Long.parseUnsignedLong(hex.substring(0, 16), 16);
    }

    private static Color colour(long bits) {
        float hue = (bits & 0xFFFF) / 65536f;
        float saturation = 0.45f + ((bits >>> 16) & 0xFF) / 255f * 0.5f;
        float brightness = 0.55f + ((bits >>> 24) & 0xFF) / 255f * 0.4f;
        return Color.getHSBColor(hue, saturation, brightness);
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
