/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Answers {@code stream: true}: the SSE head at once, then one event per image as it is "generated" (each after its
 * own latency, scheduled on the event loop), then, as {@link EmulatorConfig#sseCompletion()} says, {@code completed}
 * with usage and {@code data: [DONE]}, and always the chunked body's clean end.
 */
final class SseResponder extends Responder {

    SseResponder(ResponseWriter writer, FaultInjector faults, FileStore files, StatsRecorder stats,
                 Supplier<EmulatorConfig> config) {
        super(writer, faults, files, stats, config);
    }

    /** @param fault {@code SSE_CUT} or a body-breaking fault, or {@code null} */
    void respond(GenerationExchange ex, GenerationRequest request, List<CompletableFuture<ImageResult>> results,
                 FaultSpec fault) {
        new Stream(ex, request, results, fault, writer.head(ex.channel(), ex.streamHead())).emit(0);
    }

    /** The state of one stream; all its methods run on the exchange's event loop. */
    private final class Stream {
        private final GenerationExchange ex;
        private final GenerationRequest request;
        private final List<CompletableFuture<ImageResult>> results;
        private final FaultSpec fault;
        private final long created = Instant.now().getEpochSecond();
        private final List<ImageResult> sent = new ArrayList<>();
        /** A cut must wait for this: closing a channel discards writes still queued. */
        private ChannelFuture lastWrite;

        Stream(GenerationExchange ex, GenerationRequest request, List<CompletableFuture<ImageResult>> results,
               FaultSpec fault, ChannelFuture headWritten) {
            this.ex = ex;
            this.request = request;
            this.results = results;
            this.fault = fault;
            this.lastWrite = headWritten;
        }

        void emit(int index) {
            if (isCutPoint(index)) {
                lastWrite.addListener(ChannelFutureListener.CLOSE);
            } else if (index == results.size()) {
                complete();
            } else {
                Duration latency = config.get().latency().sample(ThreadLocalRandom.current());
                ex.schedule(latency, () -> results.get(index).whenCompleteAsync(
                        (result, error) -> deliver(index, result, error), ex.executor()));
            }
        }

        /** {@code SSE_CUT} after k events: before event k, or before {@code completed} when k ≥ the image count. */
        private boolean isCutPoint(int index) {
            return fault != null && fault.fault() == Fault.SSE_CUT
                    && index == Math.min(fault.parameter(), results.size());
        }

        private void deliver(int index, ImageResult result, Throwable error) {
            if (!ex.isOpen()) {
                ex.finish();
                return;
            }
            ImageResult item = error == null ? result
                    : ImageResult.failure(index, ApiError.of(500, "InternalServiceError", "Image generation failed."));
            sent.add(item);
            if (item.succeeded()) {
                stats.imagesGenerated(1);
            }
            Duration expiry = config.get().urlExpiry();
            ByteBuf event = ResponseBodies.partialEvent(request, created, item,
                    image -> files.publish(image, ex.host(), expiry));
            if (index == 0 && FaultInjector.breaksBody(fault)) {
                if (!faults.breakFirstEvent(ex, fault, event)) {
                    return;
                }
            } else {
                lastWrite = writer.chunk(ex.channel(), event);
            }
            // As on the real service, a content-filter failure lets the set go on; an internal error ends it.
            emit(error == null ? index + 1 : results.size());
        }

        private void complete() {
            SseCompletion completion = config.get().sseCompletion();
            if (completion.sendsCompleted()) {
                writer.chunk(ex.channel(), ResponseBodies.completedEvent(request, created, sent));
            }
            if (completion.sendsDone()) {
                writer.chunk(ex.channel(), ResponseBodies.doneEvent());
            }
            writer.end(ex.channel(), ex.keepAlive()).addListener(f -> ex.finish());
        }
    }
}
