/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ImageSinksTest {

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Writes in uneven pieces, as a decoder does. */
    private static <T> T writeAndComplete(ImageSink<T> sink, byte[] image, String mimeType) throws IOException {
        ImageSink.Target<T> target = sink.open(0);
        OutputStream out = target.stream();
        for (int offset = 0; offset < image.length; offset += 7_919) {
            out.write(image, offset, Math.min(7_919, image.length - offset));
        }
        return target.complete(mimeType);
    }

    @Test
    void theMemorySinkKeepsLargeImagesByteForByte() throws IOException {
        byte[] image = randomBytes(5_300_000); // spans many chunks, including the largest size

        assertThat(writeAndComplete(ImageSinks.memory(), image, "image/jpeg")).isEqualTo(image);
    }

    @Test
    void theMemorySinkHandlesSingleBytesAndEmptyImages() throws IOException {
        ImageSink.Target<byte[]> target = ImageSinks.memory().open(0);
        target.stream().write(0xFF);
        target.stream().write(0xD8);
        assertThat(target.complete("image/jpeg")).containsExactly(0xFF, 0xD8);
        assertThat(writeAndComplete(ImageSinks.memory(), new byte[0], "image/jpeg")).isEmpty();
    }

    @Test
    void theDirectorySinkNamesTheFileByItsFormatOnlyWhenComplete(@TempDir Path directory) throws IOException {
        ImageSink.Target<Path> target = ImageSinks.directory(directory, "fox-").open(0);
        target.stream().write(randomBytes(1000));
        try (var files = Files.list(directory)) {
            assertThat(files).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".part"));
        }

        Path image = target.complete("image/png");

        assertThat(image.getFileName().toString()).startsWith("fox-").endsWith(".png");
        assertThat(Files.size(image)).isEqualTo(1000);
    }

    @Test
    void aDiscardedFileLeavesNothingBehind(@TempDir Path directory) throws IOException {
        ImageSink.Target<Path> target = ImageSinks.directory(directory, "gone-").open(0);
        target.stream().write(randomBytes(100));

        target.discard();

        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }
}
