/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * NiFi's REST API ({@code /nifi-api}) as JSON trees, the way the UI and deployment scripts use it. Every call that
 * NiFi answers with an error status throws with NiFi's message, so a test failure says what NiFi refused.
 */
final class NiFiApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NiFiApi(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    byte[] getBytes(String path) {
        HttpResponse<byte[]> response = exchange(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        check(response.statusCode(), path, () -> new String(response.body()));
        return response.body();
    }

    JsonNode post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode put(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode delete(String path) {
        return send(request(path).DELETE());
    }

    /** A multipart upload of one file, as the UI's "upload" dialogs send it. */
    JsonNode upload(String path, String fileName, byte[] content, String... fields) {
        String boundary = "----seedream-it-" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(fields[i]).append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/json\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] headBytes = head.toString().getBytes();
        byte[] body = new byte[headBytes.length + content.length + tail.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(content, 0, body, headBytes.length, content.length);
        System.arraycopy(tail, 0, body, headBytes.length + content.length, tail.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** True once NiFi answers {@code path} with 200 (connection refused and 503 while starting are "not yet"). */
    boolean answers(String path) {
        try {
            return http.send(request(path).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls {@code path} until {@code done} holds, failing with the last answer after {@code timeout}. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            RealNiFi.sleep(250);
        }
        throw new AssertionError("NiFi: " + what + " did not happen within " + timeout + "; last answer: " + last);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(CALL_TIMEOUT);
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), response.request().method() + " " + response.uri().getPath(), response::body);
        try {
            return response.body().isBlank() ? object() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("NiFi answered " + response.uri() + " with no JSON: " + response.body(), e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new AssertionError("NiFi did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void check(int status, String call, java.util.function.Supplier<String> body) {
        if (status / 100 != 2) {
            throw new AssertionError("NiFi answered " + call + " with " + status + ": " + body.get());
        }
    }
}
