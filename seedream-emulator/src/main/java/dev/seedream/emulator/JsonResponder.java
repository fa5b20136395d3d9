/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Answers a non-streaming generation once every image is "generated": after the sum of the per-image latencies (the
 * provider makes a set one image after another) and once the renders are done. Waiting uses event-loop timers.
 */
final class JsonResponder extends Responder {

    JsonResponder(ResponseWriter writer, FaultInjector faults, FileStore files, StatsRecorder stats,
                  Supplier<EmulatorConfig> config) {
        super(writer, faults, files, stats, config);
    }

    /** @param bodyFault a fault that breaks the body, or {@code null} */
    void respond(GenerationExchange ex, GenerationRequest request, List<CompletableFuture<ImageResult>> results,
                 FaultSpec bodyFault) {
        Duration delay = Duration.ZERO;
        for (int i = 0; i < results.size(); i++) {
            delay = delay.plus(config.get().latency().sample(ThreadLocalRandom.current()));
        }
        CompletableFuture<?> all = CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0]));
        ex.schedule(delay, () -> all.whenCompleteAsync((ignored, error) -> {
            if (!ex.isOpen()) {
                ex.finish();
            } else if (error != null) {
                writer.sendError(ex.channel(), ApiError.of(500, "InternalServiceError", "Image generation failed."),
                        ex.ids(), ex.keepAlive()).addListener(f -> ex.finish());
            } else {
                write(ex, request, results.stream().map(CompletableFuture::join).toList(), bodyFault);
            }
        }, ex.executor()));
    }

    private void write(GenerationExchange ex, GenerationRequest request, List<ImageResult> results,
                       FaultSpec bodyFault) {
        stats.imagesGenerated((int) results.stream().filter(ImageResult::succeeded).count());
        Duration expiry = config.get().urlExpiry();
        ByteBuf body = ResponseBodies.generation(request, Instant.now().getEpochSecond(), results,
                image -> files.publish(image, ex.host(), expiry));
        if (bodyFault != null) {
            faults.sendBrokenBody(ex, bodyFault, body);
            return;
        }
        writer.sendJson(ex, body);
    }
}
