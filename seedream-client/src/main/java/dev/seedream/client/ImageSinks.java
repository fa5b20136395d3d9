/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Ready-made {@link ImageSink}s. */
public final class ImageSinks {

    private ImageSinks() {
    }

    /**
     * Keeps each image as a {@code byte[]}: simple, but the whole image is in heap.
     *
     * @return a sink of byte arrays
     */
    public static ImageSink<byte[]> memory() {
        return ordinal -> new MemoryTarget();
    }

    /**
     * Writes each image to its own file in {@code directory}, named {@code <prefix><random>.<ext>} with the
     * extension of the detected format. Heap use stays flat whatever the image size.
     *
     * @param directory the directory the files are written to
     * @param prefix    the start of each file name
     * @return a sink of file paths
     */
    public static ImageSink<Path> directory(Path directory, String prefix) {
        return ordinal -> new FileTarget(directory, prefix);
    }

    /**
     * Counts the bytes and keeps nothing (benchmarks, probes).
     *
     * @return a sink that keeps nothing
     */
    public static ImageSink<Void> discarding() {
        return ordinal -> new DiscardTarget();
    }

    /**
     * The same sink, but URL results are only reported, not downloaded.
     *
     * @param sink the sink to wrap
     * @param <T>  the sink's content type
     * @return a sink that does not download URLs
     */
    public static <T> ImageSink<T> keepingUrls(ImageSink<T> sink) {
        return new ImageSink<>() {
            @Override
            public Target<T> open(int ordinal) throws IOException {
                return sink.open(ordinal);
            }

            @Override
            public boolean fetchesUrls() {
                return false;
            }
        };
    }

    /**
     * File extension for an image MIME type, e.g. {@code jpg} for {@code image/jpeg}, {@code png} for
     * {@code image/png}.
     *
     * @param mimeType the MIME type, or null
     * @return the extension without a dot; {@code bin} for null or a non-image type
     */
    public static String extensionFor(String mimeType) {
        if (mimeType == null || !mimeType.startsWith("image/")) {
            return "bin";
        }
        String subtype = mimeType.substring("image/".length());
        return "jpeg".equals(subtype) ? "jpg" : subtype;
    }

    /**
     * Collects an image in chunks that are never copied while it grows (a growing array would copy it about twice
     * over), then copies it once into an array of the exact size.
     */
    private static final class MemoryTarget extends OutputStream implements ImageSink.Target<byte[]> {
        private static final int FIRST_CHUNK = 64 * 1024;
        private static final int LARGEST_CHUNK = 1024 * 1024;

        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current = new byte[FIRST_CHUNK];
        private int position;
        private long size;

        @Override
        public OutputStream stream() {
            return this;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int written = 0;
            while (written < length) {
                if (position == current.length) {
                    chunks.add(current);
                    current = new byte[Math.min(Math.max(FIRST_CHUNK, current.length * 2), LARGEST_CHUNK)];
                    position = 0;
                }
                int count = Math.min(length - written, current.length - position);
                System.arraycopy(bytes, offset + written, current, position, count);
                position += count;
                written += count;
            }
            size += length;
        }

        @Override
        public byte[] complete(String mimeType) {
            byte[] image = new byte[Math.toIntExact(size)];
            int offset = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, image, offset, chunk.length);
                offset += chunk.length;
            }
            System.arraycopy(current, 0, image, offset, position);
            return image;
        }

        @Override
        public void discard() {
            chunks.clear();
            current = new byte[0];
            position = 0;
            size = 0;
        }
    }

    private static final class FileTarget implements ImageSink.Target<Path> {
        private final Path directory;
        private final String name;
        private final Path partial;
        private final OutputStream out;

        FileTarget(Path directory, String prefix) throws IOException {
            this.directory = directory;
            this.name = prefix + UUID.randomUUID();
            this.partial = directory.resolve(name + ".part");
            this.out = Files.newOutputStream(partial);
        }

        @Override
        public OutputStream stream() {
            return out;
        }

        @Override
        public Path complete(String mimeType) throws IOException {
            out.close();
            // Renamed only when complete, so a reader polling the directory never sees half an image.
            return Files.move(partial, directory.resolve(name + "." + extensionFor(mimeType)),
                    StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void discard() {
            try {
                out.close();
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the call has failed already and reports that failure
            }
        }
    }

    private static final class DiscardTarget implements ImageSink.Target<Void> {
        @Override
        public OutputStream stream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public Void complete(String mimeType) {
            return null;
        }

        @Override
        public void discard() {
        }
    }
}
