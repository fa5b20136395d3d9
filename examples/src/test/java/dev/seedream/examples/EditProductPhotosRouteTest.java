/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import dev.seedream.camel.SeedreamComponent;
import dev.seedream.emulator.junit.TestImages;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.seedream.examples.Awaits.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

class EditProductPhotosRouteTest {

    @Test
    void turnsEachDroppedPhotoIntoTwoEditedVariants(@TempDir Path photos, @TempDir Path output) throws Exception {
        try (Backend backend = Backend.embeddedEmulator(); CamelContext camel = new DefaultCamelContext()) {
            SeedreamComponent seedream = camel.getComponent("seedream", SeedreamComponent.class);
            seedream.getConfiguration().setBaseUrl(backend.baseUrl());
            seedream.getConfiguration().setApiKey(backend.apiKey());
            camel.addRoutes(new EditProductPhotosRoute(photos, output, 2));
            camel.start();

            Files.write(photos.resolve("mug.jpg"), TestImages.jpeg(800, 600));

            List<Path> variants = Awaits.files(output, ".jpg", 2, Duration.ofSeconds(20));
            assertThat(variants).extracting(path -> path.getFileName().toString())
                    .containsExactly("mug-variant-0.jpg", "mug-variant-1.jpg");
            for (Path variant : variants) {
                assertThat(ImageIO.read(variant.toFile())).isNotNull();
            }
            assertThat(Awaits.files(photos.resolve(".done"), ".jpg", 1, Duration.ofSeconds(5))).hasSize(1);
            assertThat(backend.emulator().stats().imagesGenerated()).isEqualTo(2);
        }
        assertThat(filesIn(photos, ".jpg")).isEmpty();
        assertThat(Files.exists(photos.resolve(".rejected"))).isFalse();
    }
}
