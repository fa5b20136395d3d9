/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageSink;
import dev.seedream.client.ImageSinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private directory the client decodes images into for one trigger. The files are imported into FlowFile
 * content on the trigger thread and the directory is removed afterwards, also when calls were abandoned at the
 * deadline (their late writes then fail harmlessly).
 */
final class TempImageDirectory implements AutoCloseable {

    private final Path directory;

    private TempImageDirectory(Path directory) {
        this.directory = directory;
    }

    static TempImageDirectory create() {
        try {
            return new TempImageDirectory(Files.createTempDirectory("seedream-nifi-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for Seedream images", e);
        }
    }

    ImageSink<Path> sink() {
        return ImageSinks.directory(directory, "image-");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(TempImageDirectory::deleteQuietly);
        } catch (IOException e) {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file is not worth failing a FlowFile that has already been routed
        }
    }
}
