/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.junit.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in its own JVM with a 128 MB heap (see the pom): each body here is larger than the whole heap, so a client
 * that let the server decide its memory would die of OutOfMemoryError instead of answering.
 */
class SeedreamClientBoundedMemoryTest {

    private static final long MB = 1024L * 1024;

    private final HostileServer server = HostileServer.start("127.0.0.1");

    @AfterEach
    void stop() {
        server.close();
    }

    private static Throwable failureOf(CompletableFuture<?> call) {
        Throwable failure = call.orTimeout(60, TimeUnit.SECONDS).handle((result, error) -> error).join();
        assertThat(failure).as("the call failed").isNotNull();
        return failure instanceof CompletionException ? failure.getCause() : failure;
    }

    @Test
    void aHeapLargerB64ValueIntoTheMemorySinkStopsAtTheCap() {
        assertThat(Runtime.getRuntime().maxMemory()).as("the small heap of this JVM").isLessThan(200 * MB);
        server.then(HostileServer.generated(200, "application/json", "{\"data\":[{\"b64_json\":\"", (byte) 'Q',
                400 * MB, "\"}]}"));
        try (SeedreamClient client = EmulatorClients.builder(server).maxRetries(0).maxImageBytes(32 * MB).build()) {
            assertThat(failureOf(client.generateAsync(b64("too big for the heap").build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class).hasMessageContaining("maxImageBytes");
        }
    }

    @Test
    void aGigabyteEventLineDoesNotGrowTheHeap() {
        server.then(HostileServer.generated(200, "text/event-stream", "event", (byte) 'e', 1024 * MB, "\n\n"));
        server.then(HostileServer.generated(200, "text/event-stream", "event: ", (byte) 'e', 1024 * MB, "\n\n"));
        try (SeedreamClient client = EmulatorClients.builder(server).maxRetries(0).build()) {
            assertThat(failureOf(client.generateAsync(b64("endless field name").stream(true).build())))
                    .isInstanceOf(SeedreamMalformedResponseException.class).hasMessageContaining("no SSE field");
            // skipped as fast as it can be, but the network is faster: the queue bound ends it
            assertThat(failureOf(client.generateAsync(b64("endless event value").stream(true).build())))
                    .isInstanceOfAny(SeedreamSinkException.class, SeedreamStreamInterruptedException.class);
        }
    }

    @Test
    void aBodyFarAheadOfASlowSinkFailsTheCallInsteadOfQueueingInTheHeap() {
        // 100 MB arrive in a blink; the sink takes 256 KB per 20 ms: at most 16 + 16 MB may wait for it
        server.then(HostileServer.generated(200, "application/json", "{\"data\":[{\"b64_json\":\"", (byte) 'Q',
                100 * MB, "\"}]}"));
        ImageSink<Long> slow = ordinal -> new ImageSink.Target<>() {
            private long written;

            @Override
            public OutputStream stream() {
                return new OutputStream() {
                    @Override
                    public void write(int b) {
                        written++;
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        long before = written;
                        written += length;
                        if (before / (256 * 1024) != written / (256 * 1024)) {
                            sleep();
                        }
                    }
                };
            }

            @Override
            public Long complete(String mimeType) {
                return written;
            }

            @Override
            public void discard() {
            }
        };
        try (SeedreamClient client = EmulatorClients.builder(server).maxRetries(0).maxImageBytes(16 * MB).build()) {
            assertThat(failureOf(client.generateAsync(b64("slow sink").build(), slow)))
                    .isInstanceOf(SeedreamSinkException.class).hasMessageContaining("ahead of its decoding");
        }
    }

    @Test
    void aGzipBombCountsItsDecompressedBytes() throws java.io.IOException {
        // 400 MB of JSON in well under a megabyte of gzip, sent unasked
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (OutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
            gzip.write("{\"data\":[{\"b64_json\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[(int) MB];
            java.util.Arrays.fill(chunk, (byte) 'Q');
            for (int i = 0; i < 400; i++) {
                gzip.write(chunk);
            }
            gzip.write("\"}]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThat(compressed.size()).isLessThan((int) MB);
        server.then(HostileServer.bytes(200, "application/json", compressed.toByteArray())
                .withHeader("Content-Encoding", "gzip"));
        try (SeedreamClient client = EmulatorClients.builder(server).maxRetries(0).maxImageBytes(32 * MB).build()) {
            assertThat(failureOf(client.generateAsync(b64("a bomb").build())))
                    .isInstanceOfAny(SeedreamMalformedResponseException.class, SeedreamSinkException.class);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
