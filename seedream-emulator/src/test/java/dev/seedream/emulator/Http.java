/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Plain JDK HTTP calls against the emulator, as any client would make them. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "test-key";
    static final String MODEL_40 = "seedream-4-0-250828";
    static final String MODEL_45 = "seedream-4-5-251128";
    static final String MODEL_50_PRO = "seedream-5-0-pro-260628";
    static final String CLIENT_ID_HEADER = "X-Client-Request-Id";

    private static final HttpClient CLIENT = newClient();

    private Http() {
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    // The same calls against the emulator of a SeedreamEmulatorExtension.

    static URI generations(SeedreamEmulatorExtension emu) {
        return generations(emu.emulator());
    }

    static HttpRequest.Builder generationRequest(SeedreamEmulatorExtension emu, String body) {
        return generationRequest(emu.emulator(), body);
    }

    static HttpResponse<String> generate(SeedreamEmulatorExtension emu, String body) {
        return generate(emu.emulator(), body);
    }

    static HttpResponse<String> generate(SeedreamEmulatorExtension emu, ObjectNode body) {
        return generate(emu.emulator(), body);
    }

    static SseEvents stream(SeedreamEmulatorExtension emu, ObjectNode body) {
        return stream(emu.emulator(), body);
    }

    static HttpResponse<String> admin(SeedreamEmulatorExtension emu, String method, String action, String body) {
        return admin(emu.emulator(), method, action, body);
    }

    static URI generations(SeedreamEmulator emu) {
        return URI.create(emu.baseUri() + "/images/generations");
    }

    /** Sends a fresh {@code X-Client-Request-Id}, as every first-party SDK does. */
    static HttpRequest.Builder generationRequest(SeedreamEmulator emu, String body) {
        return HttpRequest.newBuilder(generations(emu))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .header(CLIENT_ID_HEADER, UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** POSTs a generation body with the default key. */
    static HttpResponse<String> generate(SeedreamEmulator emu, String body) {
        return send(generationRequest(emu, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> generate(SeedreamEmulator emu, ObjectNode body) {
        return generate(emu, body.toString());
    }

    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return sendChecked(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> HttpResponse<T> sendChecked(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return CLIENT.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} with {@code "stream": true} and reads the events. */
    static SseEvents stream(SeedreamEmulator emu, ObjectNode body) {
        return SseEvents.read(generationRequest(emu, body.put("stream", true).toString()).build());
    }

    static HttpResponse<byte[]> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> admin(SeedreamEmulator emu, String method, String action, String body) {
        URI uri = emu.baseUri().resolve("/__emulator/" + action);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(uri).method(method, publisher).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A minimal valid body for Seedream 4.0 at 1K, to be extended by the test. */
    static ObjectNode body(String prompt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", MODEL_40);
        body.put("prompt", prompt);
        body.put("size", "1K");
        body.put("response_format", "b64_json");
        return body;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] imageBytes(JsonNode item) {
        return Base64.getDecoder().decode(item.get("b64_json").asText());
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pngDataUri(int width, int height, Color colour) {
        return dataUri("png", TestImages.png(width, height, colour));
    }

    static String dataUri(String format, byte[] bytes) {
        return "data:image/" + format + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Random bytes under a format the emulator cannot decode (WebP, HEIC): only format and size are checked. */
    static String opaqueDataUri(String format, int bytes) {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        return dataUri(format, data);
    }

    /** A body with {@code count} copies of {@code reference} as its {@code image} array. */
    static ObjectNode withReferences(ObjectNode body, int count, String reference) {
        ArrayNode images = body.putArray("image");
        for (int i = 0; i < count; i++) {
            images.add(reference);
        }
        return body;
    }
}
