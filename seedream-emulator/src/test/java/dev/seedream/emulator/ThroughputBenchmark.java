/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hand-run measurement (not a test): zero-latency b64_json throughput for 1K, 2K and 4K images, with the JDK client
 * in the same JVM (so client and server share the machine's cores — the numbers are lower bounds). Also prints the
 * JPEG size of each preset. Run: {@code java -cp <test classpath> dev.seedream.emulator.ThroughputBenchmark [seconds]
 * [concurrency]}.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        HttpClient client = Http.newClient();
        try (SeedreamEmulator emu = SeedreamEmulator.start()) {
            for (String size : new String[] {"1K", "2K", "4K"}) {
                String body = Http.body("benchmark " + size).put("size", size).toString();
                String url = Http.json(Http.generate(emu, Http.body("benchmark " + size).put("size", size)
                        .put("response_format", "url"))).at("/data/0/url").asText();
                long jpegBytes = Http.get(java.net.URI.create(url)).body().length;
                run(client, emu, body, 2, concurrency);
                Result r = run(client, emu, body, seconds, concurrency);
                System.out.printf("%s: JPEG %,d bytes; b64_json response %,d bytes; %d concurrent: %.1f req/s, "
                                + "%.1f MB/s%n", size, jpegBytes, r.bytes / Math.max(1, r.requests), concurrency,
                        r.requests / (double) seconds, r.bytes / (double) seconds / 1e6);
            }
        }
    }

    private record Result(long requests, long bytes) {
    }

    private static Result run(HttpClient client, SeedreamEmulator emu, String body, int seconds, int concurrency)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            permits.acquire();
            HttpRequest request = Http.generationRequest(emu, body).build();
            CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request,
                    HttpResponse.BodyHandlers.ofByteArray());
            f.whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 200) {
                    requests.incrementAndGet();
                    bytes.addAndGet(response.body().length);
                }
                permits.release();
            });
        }
        permits.acquire(concurrency);
        return new Result(requests.get(), bytes.get());
    }
}
