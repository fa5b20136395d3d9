package dev.seedream.camel.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the starter's {@code @SpringBootTest}s share: one emulator per test class (its address given to the
 * application as {@code emulator.base-url}, which {@code application.properties} reads into
 * {@code camel.component.seedream.base-url}), and plain HTTP calls to the application's actuator.
 */
final class StarterTestSupport {

    static final String API_KEY = "test-key";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StarterTestSupport() {
    }

    static void emulatorProperties(SeedreamEmulatorExtension emulator, DynamicPropertyRegistry registry) {
        registry.add("emulator.base-url", () -> emulator.baseUri().toString());
    }

    /** GET on the application's own port; the status and the body. */
    static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
