package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** Test classes that drive the one real NiFi of the run; each builds its own flow in its own row of the canvas. */
@ExtendWith(RealNiFiExtension.class)
abstract class RealNiFiTest {

    static final String API_KEY = "test-key";
    static final String SERVICE_TYPE = "dev.seedream.nifi.StandardSeedreamConnectionService";
    static final String GENERATE_TYPE = "dev.seedream.nifi.GenerateImageSeedream";
    static final String EDIT_TYPE = "dev.seedream.nifi.EditImageSeedream";
    static final String BATCH_TYPE = "dev.seedream.nifi.BatchGenerateImagesSeedream";
    /** The smallest size Seedream 4.0 accepts: keeps rendering cheap. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final String SIZE = WIDTH + "x" + HEIGHT;

    /** Set by {@link RealNiFiExtension} before each class's {@code @BeforeAll}. */
    static RealNiFi nifi;

    static SiteToSite siteToSite() {
        return new SiteToSite(nifi.uri());
    }

    /** The documented properties of the connection service, pointed at {@code emulator}. */
    static Map<String, String> serviceProperties(SeedreamEmulatorExtension emulator, String apiKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("API Base URL", emulator.baseUri().toString());
        properties.put("API Key", apiKey);
        properties.put("Max Retries", "3");
        return properties;
    }

    /** An enabled connection service for {@code emulator}, named after the test class. */
    static String enabledService(Canvas canvas, SeedreamEmulatorExtension emulator, Map<String, String> extra) {
        Map<String, String> properties = serviceProperties(emulator, API_KEY);
        properties.putAll(extra);
        String id = canvas.addService(SERVICE_TYPE, Canvas.seedreamBundle(), "Seedream " + callerName(), properties);
        canvas.enableService(id);
        return id;
    }

    /** A JPEG (by its bytes, not its name) of exactly {@link #WIDTH} x {@link #HEIGHT} pixels. */
    static void assertJpegOfTheAskedSize(byte[] content) {
        assertThat(content).startsWith(0xFF, 0xD8, 0xFF);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(image.getHeight()).isEqualTo(HEIGHT);
        } catch (IOException e) {
            throw new AssertionError("not a readable image", e);
        }
    }

    /** The API key must not leave the service: no attribute of any FlowFile that came out carries it. */
    static void assertNoApiKeyIn(List<SiteToSite.Received> flowFiles) {
        assertThat(flowFiles).allSatisfy(f -> assertThat(f.attributes().toString()).doesNotContain(API_KEY));
    }

    private static String callerName() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != RealNiFiTest.class && RealNiFiTest.class.isAssignableFrom(c))
                .findFirst().map(Class::getSimpleName).orElse("test"));
    }
}
