/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.SeedreamEmulator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension's life cycle, and the test images. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedreamEmulatorExtensionTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(
            EmulatorConfig.builder().maxInFlight(3).build());

    private static SeedreamEmulator startedBeforeAll;

    @BeforeAll
    static void runsBeforeTheClassesOwnBeforeAll() {
        startedBeforeAll = emulator.emulator();
    }

    @Test
    @Order(1)
    void startsOnceForTheClassWithItsConfiguration() {
        assertThat(emulator.emulator()).isSameAs(startedBeforeAll);
        assertThat(emulator.config().maxInFlight()).isEqualTo(3);
        assertThat(emulator.baseUri()).isEqualTo(URI.create("http://127.0.0.1:" + emulator.port() + "/api/v3"));
        assertThat(emulator.toString()).contains(emulator.baseUri().toString());
    }

    @Test
    @Order(2)
    void changesInOneTest() {
        emulator.configure(c -> c.maxInFlight(1));
        emulator.faults().schedule(Fault.HTTP_500);
        assertThat(emulator.config().maxInFlight()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void areResetBeforeTheNext() {
        assertThat(emulator.emulator()).isSameAs(startedBeforeAll);
        assertThat(emulator.config().maxInFlight()).isEqualTo(3);
        assertThat(emulator.stats().generationRequests()).isZero();
        assertThat(emulator.faults().scheduled()).isEmpty();
    }

    @Test
    void usedBeforeStartItSaysSo() {
        SeedreamEmulatorExtension notRegistered = SeedreamEmulatorExtension.withDefaults();

        assertThatThrownBy(notRegistered::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running").hasMessageContaining("@RegisterExtension");
        assertThatThrownBy(notRegistered::baseUri).isInstanceOf(IllegalStateException.class);
        assertThat(notRegistered.toString()).contains("not running");
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheEnclosingClassesEmulator() {
            assertThat(emulator.emulator()).isSameAs(startedBeforeAll);
        }
    }

    @Test
    void testImagesAreRealImagesOfTheGivenSize() throws IOException {
        assertThat(decode(TestImages.png(30, 20))).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(30, 20);
        assertThat(TestImages.jpeg(8, 8)).startsWith(0xFF, 0xD8, 0xFF);
        assertThat(decode(TestImages.encode("bmp", 5, 7)).getHeight()).isEqualTo(7);
        BufferedImage green = decode(TestImages.png(4, 4, Color.GREEN));
        assertThat(green.getRGB(3, 3) & 0xffffff).isEqualTo(0x00ff00);
        assertThatThrownBy(() -> TestImages.encode("no-such-format", 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
