package dev.seedream.camel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import dev.seedream.client.RetryPolicy;
import dev.seedream.emulator.SeedreamEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit6.CamelTestSupport;

/**
 * Camel tests against an in-process emulator: the component's defaults point at it, accept its key, switch the
 * images-per-minute limit off and shorten retry delays so fault tests stay fast.
 */
abstract class SeedreamTestSupport extends CamelTestSupport {

    static final String API_KEY = "test-key";

    /** The emulator of the concrete test class, started in its {@code @BeforeAll}. */
    abstract SeedreamEmulator emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        SeedreamConfiguration defaults = context.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(emulator().baseUri().toString());
        defaults.setApiKey(API_KEY);
        defaults.setSize("1K");
        defaults.setImagesPerMinute(0);
        defaults.setRetryPolicy(RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(50)));
        return context;
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x3366ff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8;
    }
}
