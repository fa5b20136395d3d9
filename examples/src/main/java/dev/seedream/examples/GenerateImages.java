/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import org.apache.camel.main.Main;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main example: generates one image per line of a prompts file into a folder, with progress.
 *
 * <pre>java -jar examples/target/seedream-examples.jar [prompts-file] [output-folder]</pre>
 *
 * Without {@code SEEDREAM_API_KEY} (or {@code ARK_API_KEY}) it runs against an embedded emulator.
 */
public final class GenerateImages {

    static final Path DEFAULT_PROMPTS = Path.of("examples", "prompts.txt");
    static final Path DEFAULT_OUTPUT = Path.of("seedream-images");

    private GenerateImages() {
    }

    public static void main(String[] args) throws Exception {
        Path prompts = args.length > 0 ? Path.of(args[0]) : DEFAULT_PROMPTS;
        Path output = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUTPUT;
        if (!Files.isRegularFile(prompts)) {
            System.err.println("No prompts file at " + prompts.toAbsolutePath()
                    + ": pass one as the first argument (one prompt per line).");
            System.exit(2);
        }
        try (Backend backend = Backend.fromEnvironment(System.getenv())) {
            Progress progress = run(backend, prompts, output, System.out);
            System.exit(progress.failed() == 0 ? 0 : 1);
        }
    }

    /** Runs the route to completion and returns what it did. */
    static Progress run(Backend backend, Path prompts, Path output, PrintStream out) throws Exception {
        out.println("Using " + backend.describe());
        Progress progress = new Progress(out);
        Main main = new Main();
        backend.componentProperties().forEach(main::addOverrideProperty);
        main.addOverrideProperty("camel.component.seedream.size", "1K");
        main.configure().addRoutesBuilder(new GenerateImagesRoute(prompts, output, progress, main::completed));
        main.run();
        out.printf("Wrote %d images to %s%n", progress.written(), output.toAbsolutePath());
        if (progress.rejected() > 0) {
            out.printf("%d prompt(s) refused by the content policy: %s%n", progress.rejected(),
                    output.resolve("rejected").toAbsolutePath());
        }
        if (progress.failed() > 0) {
            out.printf("%d prompt(s) failed: %s%n", progress.failed(), output.resolve("failed").toAbsolutePath());
        }
        return progress;
    }
}
