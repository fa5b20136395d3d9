/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 4K response must be decoded without heap that grows with the image: the base64 text never becomes a String
 * and the decoded bytes go straight to the sink. Allocation is summed over the client's threads and the test
 * thread (the in-process emulator's threads are left out).
 */
class SeedreamClientMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void decodesA4kImageWithAllocationBoundedByTheImageSize() {
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().latency(Latency.none())
                .build());
             SeedreamClient client = EmulatorClients.builder(emulator).build()) {
            ImageRequest request = ImageRequest.builder().prompt("a detailed 4K landscape").size("4K")
                    .responseFormat(ResponseFormat.B64_JSON).build();
            AtomicLong counted = new AtomicLong();
            ImageSink<Long> countingSink = ordinal -> new CountingTarget(counted);
            client.generate(request, countingSink); // warm-up: class loading, pools, emulator cache

            counted.set(0);
            Map<Long, Long> before = clientAllocatedBytes();
            GenerationResult<Long> result = client.generate(request, countingSink);
            long allocated = clientAllocatedBytes().entrySet().stream()
                    .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();

            long imageBytes = result.firstImage().byteCount();
            assertThat(result.firstImage().width()).isEqualTo(4096);
            assertThat(imageBytes).as("a realistic 4K payload").isGreaterThan(2_000_000);
            assertThat(counted.get()).isEqualTo(imageBytes);
            assertThat(allocated).as("bytes allocated for a %d-byte image", imageBytes).isLessThan(3 * imageBytes);
        }
    }

    /** Bytes allocated so far by each live client thread and this one, by thread id. */
    private static Map<Long, Long> clientAllocatedBytes() {
        Map<Long, Long> allocated = new HashMap<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t == Thread.currentThread() || t.getName().startsWith("seedream-io")
                        || t.getName().startsWith("seedream-decoder") || t.getName().startsWith("seedream-scheduler"))
                .forEach(t -> allocated.put(t.getId(), THREADS.getThreadAllocatedBytes(t.getId())));
        return allocated;
    }

    /** Counts bytes without keeping them, so the sink's own storage is not part of the measurement. */
    private record CountingTarget(AtomicLong counted) implements ImageSink.Target<Long> {
        @Override
        public OutputStream stream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    counted.incrementAndGet();
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    counted.addAndGet(length);
                }
            };
        }

        @Override
        public Long complete(String mimeType) throws IOException {
            return counted.get();
        }

        @Override
        public void discard() {
        }
    }
}
