/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import org.apache.camel.main.Main;

import java.nio.file.Path;

/**
 * Watches a folder of product photos and writes edited variants until stopped (Ctrl-C).
 *
 * <pre>java -cp examples/target/seedream-examples.jar dev.seedream.examples.EditProductPhotos photos/ variants/</pre>
 */
public final class EditProductPhotos {

    private EditProductPhotos() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EditProductPhotos <photos-folder> <output-folder>");
            System.exit(2);
        }
        try (Backend backend = Backend.fromEnvironment(System.getenv())) {
            System.out.println("Using " + backend.describe() + "; watching " + Path.of(args[0]).toAbsolutePath());
            Main main = new Main();
            backend.componentProperties().forEach(main::addOverrideProperty);
            main.configure().addRoutesBuilder(new EditProductPhotosRoute(Path.of(args[0]), Path.of(args[1]), 2));
            main.run();
        }
    }
}
