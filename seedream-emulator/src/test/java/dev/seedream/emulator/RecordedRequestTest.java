/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.CLIENT_ID_HEADER;
import static dev.seedream.emulator.Http.KEY;
import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.generationRequest;
import static dev.seedream.emulator.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SeedreamEmulator#takeRequest}: what clients sent, in order, whatever the answer, within fixed bounds. */
class RecordedRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void recordsMethodPathHeadersAndBodyAsSent() throws InterruptedException {
        String sent = body("recorded").put("seed", 42).toString();
        Instant before = Instant.now();
        HttpResponse<String> response = send(generationRequest(emu, sent).header("X-Custom", "one")
                .header("X-Custom", "two").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        RecordedRequest request = emu.takeRequest(WAIT);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v3/images/generations");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("CONTENT-TYPE")).isEqualTo("application/json");
        assertThat(request.header(CLIENT_ID_HEADER))
                .isEqualTo(response.request().headers().firstValue(CLIENT_ID_HEADER).orElseThrow());
        assertThat(request.headers().get("x-custom")).containsExactly("one", "two");
        assertThat(request.header("X-Not-Sent")).isNull();
        assertThat(request.body()).isEqualTo(sent.getBytes(StandardCharsets.UTF_8));
        assertThat(request.bodySize()).isEqualTo(sent.length());
        assertThat(request.bodyTruncated()).isFalse();
        assertThat(request.json().get("seed").asLong()).isEqualTo(42);
        assertThat(request.json().get("prompt").asText()).isEqualTo("recorded");
        assertThat(request.receivedAt()).isBetween(before, Instant.now());
        assertThat(emu.takeRequest(Duration.ZERO)).as("each request is taken once").isNull();
    }

    @Test
    void recordsRefusedRequestsTooInTheOrderReceived() throws InterruptedException {
        HttpResponse<String> wrongKey = send(generationRequest(emu, body("refused 401").toString())
                .setHeader("Authorization", "Bearer wrong").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> invalid = generate(emu, body("refused 400").put("size", "huge"));
        HttpResponse<String> notJson = generate(emu, "{not json");
        emu.faults().schedule(Fault.HTTP_503);
        HttpResponse<String> faulted = generate(emu, body("refused 503"));
        emu.configure(c -> c.imagesPerMinute(1));
        generate(emu, body("admitted").put("response_format", "url"));
        HttpResponse<String> limited = generate(emu, body("refused 429"));

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(faulted.statusCode()).isEqualTo(503);
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("refused 401");
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("refused 400");
        RecordedRequest broken = emu.takeRequest(WAIT);
        assertThat(broken.json()).as("not JSON").isNull();
        assertThat(broken.body()).asString(StandardCharsets.UTF_8).isEqualTo("{not json");
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("refused 503");
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("admitted");
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("refused 429");
        assertThat(emu.takeRequest(Duration.ZERO)).isNull();
    }

    @Test
    void otherMethodsAndAdminCallsAreNotRecorded() throws InterruptedException {
        send(HttpRequest.newBuilder(Http.generations(emu)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Http.admin(emu, "GET", "stats", null);

        assertThat(emu.takeRequest(Duration.ZERO)).isNull();
    }

    @Test
    @Timeout(30)
    void waitsForARequestThatComesLaterAndGivesUpAfterTheTimeout() throws Exception {
        long start = System.nanoTime();
        assertThat(emu.takeRequest(Duration.ofMillis(200))).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));

        CompletableFuture<HttpResponse<String>> later = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return generate(emu, body("later"));
        });
        assertThat(prompt(emu.takeRequest())).isEqualTo("later");
        assertThat(later.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void resetDropsTheRecordedRequestsAndConfigureKeepsThem() throws InterruptedException {
        generate(emu, body("kept"));
        emu.configure(c -> c.noise(0));
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("kept");

        generate(emu, body("dropped"));
        emu.reset();
        assertThat(emu.takeRequest(Duration.ZERO)).isNull();
        assertThat(emu.stats().generationRequests()).isZero();
    }

    /** Over a plain socket: the JDK client does not send {@code Proxy-Authorization} to a server. */
    @Test
    void toStringShowsNoCredentials() throws IOException, InterruptedException {
        byte[] json = body("secret").toString().getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emu.port())) {
            socket.getOutputStream().write(("POST /api/v3/images/generations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer sk-very-secret\r\nProxy-Authorization: Basic dXNlcjpwYXNz\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(json);
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).as("the wrong key is refused").isEqualTo("HTTP/1.1 401");
        }

        String text = emu.takeRequest(WAIT).toString();
        assertThat(text).contains("POST /api/v3/images/generations", "Authorization=<redacted>",
                "Proxy-Authorization=<redacted>", "Content-Type=application/json")
                .doesNotContain("sk-very-secret", "dXNlcjpwYXNz", "secret\"");
    }

    @Test
    void keepsOnlyTheLatestThousandRequests() throws InterruptedException {
        int sent = RequestRecorder.MAX_REQUESTS + 5;
        for (int i = 0; i < sent; i++) {
            send(generationRequest(emu, body("n" + i).toString()).setHeader("Authorization", "Bearer wrong").build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        assertThat(emu.stats().generationRequests()).isEqualTo(sent);
        assertThat(prompt(emu.takeRequest(WAIT))).as("the five oldest were dropped").isEqualTo("n5");
        for (int i = 6; i < sent - 1; i++) {
            emu.takeRequest(WAIT);
        }
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("n" + (sent - 1));
        assertThat(emu.takeRequest(Duration.ZERO)).isNull();
    }

    @Test
    void keepsAtMost64MibOfBodiesAndCutsEachAt16Mib() throws InterruptedException {
        String padding = "a".repeat(15 << 20);
        for (int i = 0; i < 5; i++) {
            generate(emu, body("big " + i).put("padding", padding));
        }
        String huge = body("huge").put("padding", "b".repeat(RecordedRequest.MAX_BODY_BYTES)).toString();
        generate(emu, huge);

        // 4 × 15 MiB + 16 MiB is over 64 MiB: of the five 15 MiB bodies, the latest three stay beside the cut one
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("big 2");
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("big 3");
        assertThat(prompt(emu.takeRequest(WAIT))).isEqualTo("big 4");
        RecordedRequest cut = emu.takeRequest(WAIT);
        assertThat(cut.bodySize()).isEqualTo(huge.length());
        assertThat(cut.bodyTruncated()).isTrue();
        assertThat(cut.body()).hasSize(RecordedRequest.MAX_BODY_BYTES)
                .startsWith(huge.substring(0, 100).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(cut::json).isInstanceOf(IllegalStateException.class).hasMessageContaining("cut at");
        assertThat(cut.toString()).contains(huge.length() + " bytes");
    }

    private static String prompt(RecordedRequest request) {
        assertThat(request).as("a recorded request").isNotNull();
        return request.json().path("prompt").asText();
    }
}
