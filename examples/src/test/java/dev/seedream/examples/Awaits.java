package dev.seedream.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Polls a folder until files appear: routes that watch folders finish in their own time. */
final class Awaits {

    private Awaits() {
    }

    static List<Path> files(Path folder, String suffix, int count, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> found = GenerateImagesTest.filesIn(folder, suffix);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = GenerateImagesTest.filesIn(folder, suffix);
        }
        return found;
    }
}
