/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.junit.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that breaks the contract on purpose: every call must still end with a typed error within its timeouts,
 * memory is bounded by configuration, nothing internal is fetched and the key never comes back.
 */
class SeedreamClientHostileServerTest {

    private static final String KEY = "sk-hostile-5ecret-9c1d";
    private static final String JPEG = Base64.getEncoder().encodeToString(
            new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0, 0, 0});

    private final HostileServer server = HostileServer.start("127.0.0.1");
    private final HostileServer internal = HostileServer.start("127.0.0.2");

    @AfterEach
    void stop() {
        server.close();
        internal.close();
    }

    private SeedreamClient.Builder client() {
        return EmulatorClients.builder(server).apiKey(KEY).maxRetries(0);
    }

    /** The call's future, which must complete within seconds whatever the server did. */
    private static <T> Throwable failureOf(CompletableFuture<T> call) {
        CompletableFuture<T> bounded = call.orTimeout(10, TimeUnit.SECONDS);
        Throwable failure = bounded.handle((result, error) -> error).join();
        assertThat(failure).as("the call failed").isNotNull();
        return failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
    }

    @Test
    void aCreatedTimeNoInstantCanHoldIsAMalformedAnswerNotAHang() {
        server.then(HostileServer.json(200, "{\"created\":9223372036854775807,\"data\":[{\"b64_json\":\"" + JPEG
                + "\"}]}"));
        server.then(HostileServer.events("data: {\"type\":\"image_generation.partial_succeeded\",\"image_index\":0,"
                + "\"b64_json\":\"" + JPEG + "\"}\n\ndata: {\"type\":\"image_generation.completed\","
                + "\"created\":9223372036854775807}\n\n"));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("huge created").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class).hasMessageContaining("'created'");
            assertThat(failureOf(client.generateAsync(b64("huge created, streamed").stream(true).build())))
                    .isInstanceOf(SeedreamStreamInterruptedException.class);
        }
    }

    @Test
    void aListenerThatThrowsEndsTheCallAsTheCallersFailureWithoutARetry() {
        server.otherwise(HostileServer.json(200, "{\"data\":[{\"b64_json\":\"" + JPEG + "\"}]}"));
        try (SeedreamClient client = client().maxRetries(3).build()) {
            ImageListener<byte[]> broken = image -> {
                throw new IllegalStateException("listener bug");
            };
            assertThat(failureOf(client.generateAsync(b64("listener").build(), ImageSinks.memory(), broken)))
                    .isInstanceOf(SeedreamSinkException.class).hasMessageContaining("listener bug");
        }
        assertThat(server.requests()).as("retrying would deliver the image again").hasSize(1);
    }

    @Test
    void anErrorIsNeverRetriedNorDisguisedAsANetworkFault() {
        server.otherwise(HostileServer.json(200, "{\"data\":[{\"b64_json\":\"" + JPEG + "\"}]}"));
        ImageSink<byte[]> exhausted = ordinal -> new ImageSink.Target<>() {
            @Override
            public OutputStream stream() {
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        throw new OutOfMemoryError("simulated");
                    }
                };
            }

            @Override
            public byte[] complete(String mimeType) {
                return new byte[0];
            }

            @Override
            public void discard() {
            }
        };
        try (SeedreamClient client = client().maxRetries(3).build()) {
            assertThat(failureOf(client.generateAsync(b64("out of memory").build(), exhausted)))
                    .isInstanceOf(OutOfMemoryError.class);
            assertThatThrownBy(() -> client.generate(b64("out of memory, blocking").build(), exhausted))
                    .isInstanceOf(OutOfMemoryError.class);
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void anInlineImageLargerThanTheLargestImageSizeFailsWithoutFillingTheHeap() {
        // 200 MB of base64 for a memory sink: without the cap this is 150 MB of heap per call
        server.then(HostileServer.generated(200, "application/json", "{\"data\":[{\"b64_json\":\"", (byte) 'Q',
                200L * 1024 * 1024, "\"}]}"));
        try (SeedreamClient client = client().maxImageBytes(4L * 1024 * 1024).build()) {
            assertThat(failureOf(client.generateAsync(b64("a huge inline image").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class)
                    .hasMessageContaining("largest image size of 4194304 bytes");
        }
    }

    @Test
    void moreItemsThanTheRequestCanProduceIsAMalformedAnswer() {
        String items = IntStream.range(0, 2000).mapToObj(i -> "{\"url\":\"https://example.invalid/" + i + ".jpeg\"}")
                .collect(Collectors.joining(","));
        server.then(HostileServer.json(200, "{\"data\":[" + items + "]}"));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("one image please").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class)
                    .hasMessageContaining("more items than the request can produce (1)");
        }
    }

    @Test
    void downloadsOfOneCallRunAtMostFourAtATime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        String base = server.baseUri() + "/files/";
        String urls = IntStream.range(0, 8).mapToObj(i -> "{\"url\":\"" + base + i + ".jpeg\"}")
                .collect(Collectors.joining(","));
        server.then(HostileServer.json(200, "{\"data\":[" + urls + "]}"));
        server.otherwise(new HostileServer.Answer(200, Map.of("Content-Type", "image/jpeg"), new HostileServer.Body() {
            @Override
            public long length() {
                return 8;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                out.write(Base64.getDecoder().decode(JPEG));
            }
        }));
        try (SeedreamClient client = client().build()) {
            GenerationResult<byte[]> result = client.generate(ImageRequest.builder().prompt("eight").maxImages(8)
                    .responseFormat(ResponseFormat.URL).build());

            assertThat(result.images()).hasSize(8);
        }
        assertThat(most.get()).isBetween(1, 4);
    }

    @Test
    void aSecondB64ValueInOneItemIsMalformedAndLeavesNoFileBehind(@TempDir Path directory) throws IOException {
        String twice = "\"b64_json\":\"" + JPEG + "\",";
        server.then(HostileServer.json(200, "{\"data\":[{" + twice.repeat(50) + "\"size\":\"1x1\"}]}"));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("duplicates").build(),
                    ImageSinks.directory(directory, "img"))))
                    .isInstanceOf(SeedreamMalformedResponseException.class)
                    .hasMessageContaining("more than one b64_json");
        }
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aSuccessWithoutDataIsMalformedNotAnEmptyResult() {
        server.then(HostileServer.json(200, "{\"model\":\"m\",\"created\":1}"));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("no data").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class).hasMessageContaining("neither data");
        }
    }

    @Test
    void theKeyEchoedByTheServerComesBackNowhere() {
        server.then(HostileServer.json(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"bad header "
                + "Authorization: Bearer " + KEY + "\",\"param\":\"" + KEY + "\"}}").withHeader("X-Request-Id", KEY));
        server.then(HostileServer.bytes(502, "text/html", ("<html><body>upstream said: Bearer " + KEY
                + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        server.then(HostileServer.json(200, "{\"data\":[" + KEY + "]}"));
        server.then(HostileServer.json(200, "{\"data\":[{\"error\":{\"code\":\"X" + KEY + "\",\"message\":\"Bearer "
                + KEY + "\"}},{\"b64_json\":\"" + JPEG + "\"}]}"));
        try (SeedreamClient client = client().build()) {
            List<Throwable> failures = List.of(
                    failureOf(client.generateAsync(b64("echo in json").build())),
                    failureOf(client.generateAsync(b64("echo in html").build())),
                    failureOf(client.generateAsync(b64("echo in a malformed body").build())));
            GenerationResult<byte[]> partial = client.generate(b64("echo in an item").maxImages(2).build());

            StringBuilder everything = new StringBuilder(partial.toString()).append(partial.failures());
            for (Throwable failure : failures) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                everything.append(failure).append(trace);
                if (failure instanceof SeedreamException seedream) {
                    everything.append(seedream.requestId().orElse(""));
                }
                if (failure instanceof SeedreamServiceException service) {
                    everything.append(service.providerMessage()).append(service.param());
                }
            }
            assertThat(failures.get(0)).isInstanceOf(SeedreamAuthenticationException.class);
            assertThat(everything.toString()).doesNotContain(KEY).contains("Bearer ****");
        }
    }

    @Test
    void urlResultsOnInternalAddressesAreNotFetched() {
        String inside = internal.baseUri() + "/latest/meta-data";
        server.then(HostileServer.json(200, "{\"data\":[{\"url\":\"" + inside + "\"},{\"url\":\""
                + server.baseUri() + "/files/hop\"}]}"));
        server.then(HostileServer.redirect(302, inside)); // the base URL's own origin may redirect inwards: refused
        try (SeedreamClient client = client().build()) {
            GenerationResult<byte[]> result = client.generate(ImageRequest.builder().prompt("two").maxImages(2)
                    .responseFormat(ResponseFormat.URL).build());

            assertThat(result.images()).isEmpty();
            assertThat(result.failures()).hasSize(2).allSatisfy(failure -> assertThat(failure.message())
                    .contains("non-public address 127.0.0.2"));
        }
        assertThat(internal.requests()).as("nothing reached the internal service").isEmpty();
    }

    @Test
    void privateNetworkDownloadsCanBeAllowedExplicitly() {
        server.then(HostileServer.json(200, "{\"data\":[{\"url\":\"" + internal.baseUri() + "/store/a.jpeg\"}]}"));
        internal.then(HostileServer.bytes(200, "image/jpeg", Base64.getDecoder().decode(JPEG)));
        try (SeedreamClient client = client().allowPrivateNetworkDownloads(true).build()) {
            GenerationResult<byte[]> result = client.generate(b64("inside").responseFormat(ResponseFormat.URL).build());

            assertThat(result.images()).singleElement().satisfies(image -> assertThat(image.mimeType())
                    .isEqualTo("image/jpeg"));
        }
        assertThat(internal.requests()).hasSize(1);
    }

    @Test
    void aBrokenUrlOrANonImageIsOneFailedImageNotAFailedCall() {
        server.then(HostileServer.json(200, "{\"data\":[{\"url\":\"https:opaque\"},{\"url\":\"" + server.baseUri()
                + "/files/page.html\"},{\"url\":\"" + server.baseUri() + "/files/ok.jpeg\"}]}"));
        server.then(HostileServer.bytes(200, "text/html", "<html>login</html>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        server.then(HostileServer.bytes(200, "image/jpeg", Base64.getDecoder().decode(JPEG)));
        try (SeedreamClient client = client().maxRetries(3).build()) {
            GenerationResult<byte[]> result = client.generate(ImageRequest.builder().prompt("three").maxImages(3)
                    .responseFormat(ResponseFormat.URL).build());

            assertThat(result.images()).singleElement().satisfies(image -> assertThat(image.index()).isEqualTo(2));
            assertThat(result.failures()).extracting(ImageFailure::message).satisfiesExactly(
                    first -> assertThat(first).contains("not a valid image URL"),
                    second -> assertThat(second).contains("not an image (text/html)"));
            assertThat(result.attempts()).isEqualTo(1);
        }
    }

    @Test
    void anHtmlPageWithStatus200IsCalledWhatItIs() {
        server.then(HostileServer.bytes(200, "text/html", "<html><body>Please log in</body></html>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("captive portal").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class).hasMessageContaining("HTML page");
        }
    }

    @Test
    void aBrokenContentEncodingIsAMalformedAnswerNotAConnectionFailure() {
        server.then(HostileServer.bytes(200, "application/json", "this is not gzip at all".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).withHeader("Content-Encoding", "gzip"));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("bad gzip").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class).isNotInstanceOf(
                            SeedreamConnectionException.class);
        }
    }

    @Test
    void aRedirectOfTheApiSaysWhereTo() {
        server.then(HostileServer.redirect(302, "https://login.example.com/sso?ticket=s3cr3t"));
        try (SeedreamClient client = client().build()) {
            assertThat(failureOf(client.generateAsync(b64("redirected").build())))
                    .isInstanceOf(SeedreamServiceException.class)
                    .hasMessageContaining("redirects to https://login.example.com/sso (not followed: check the base URL)")
                    .hasMessageNotContaining("s3cr3t");
        }
    }

    @Test
    void aRetryAfterLongerThanTheLimitWaitEndsTheCallAtOnce() {
        server.then(HostileServer.json(429, "{\"error\":{\"code\":\"ServerOverloaded\"}}")
                .withHeader("Retry-After", "540"));
        try (SeedreamClient client = client().maxRetries(3).maxLimitWait(java.time.Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();

            assertThat(failureOf(client.generateAsync(b64("wait nine minutes").build())))
                    .isInstanceOfSatisfying(SeedreamRateLimitException.class, e -> assertThat(e.retryAfter())
                            .contains(java.time.Duration.ofSeconds(540)));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void urlCredentialsAreNotShownByAnImage() {
        GeneratedImage<byte[]> image = new GeneratedImage<>(0, "1x1", "image/jpeg", 1,
                "https://user:secret@cdn.example.com/a.jpeg?X-Signature=abc", null);

        assertThat(image.toString()).contains("https://cdn.example.com/a.jpeg").doesNotContain("secret", "abc");
    }
}
