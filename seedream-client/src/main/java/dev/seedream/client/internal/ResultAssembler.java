/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageFailure;
import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageSink;
import dev.seedream.client.SeedreamException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Collects a call's images and image failures as they arrive, downloads {@code url} results (a few at once), tells
 * the listener, and builds the {@link GenerationResult} once the body and every download are done.
 */
final class ResultAssembler<T> {

    /** A server naming many large URLs for one call must not make it fetch them all at once. */
    static final int PARALLEL_DOWNLOADS = 4;

    private final ClientRuntime runtime;
    private final ImageSink<T> sink;
    private final ImageListener<T> listener;

    // Guarded by this.
    private final List<GeneratedImage<T>> images = new ArrayList<>();
    private final List<ImageFailure> failures = new ArrayList<>();
    private final List<CompletableFuture<?>> downloads = new ArrayList<>();
    /** Downloads not started yet: at most {@link #PARALLEL_DOWNLOADS} run at once. */
    private final Deque<Runnable> queuedDownloads = new ArrayDeque<>();
    private int runningDownloads;

    ResultAssembler(ClientRuntime runtime, ImageSink<T> sink, ImageListener<T> listener) {
        this.runtime = runtime;
        this.sink = sink;
        this.listener = listener;
    }

    /** Called on the decoder thread for each image or item failure, in arrival order. */
    void onItem(ResponseItem<T> item) throws IOException {
        if (!item.hasImage()) {
            ImageFailure failure = item.toFailure();
            recordFailure(new ImageFailure(failure.index(), runtime.errors.redact(failure.code()),
                    runtime.errors.redact(failure.message())));
        } else if (item.target == null && sink.fetchesUrls()) {
            queueDownload(item);
        } else {
            deliver(item);
        }
    }

    /**
     * Completes once every download has ended; fails only when the sink failed (a failed fetch is an image
     * failure).
     */
    CompletableFuture<Void> downloadsDone() {
        synchronized (this) {
            return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new));
        }
    }

    /** The result, images and failures in index order. */
    GenerationResult<T> result(ResponseSummary summary, String requestId, Duration elapsed, int attempts) {
        List<GeneratedImage<T>> sortedImages;
        List<ImageFailure> sortedFailures;
        synchronized (this) {
            sortedImages = new ArrayList<>(images);
            sortedFailures = new ArrayList<>(failures);
        }
        sortedImages.sort(Comparator.comparingInt(GeneratedImage::index));
        sortedFailures.sort(Comparator.comparingInt(ImageFailure::index));
        return new GenerationResult<>(summary.model,
                summary.created == null ? null : Instant.ofEpochSecond(summary.created), sortedImages,
                sortedFailures, Optional.ofNullable(summary.usage), requestId, elapsed, attempts);
    }

    private void queueDownload(ResponseItem<T> item) {
        CompletableFuture<Void> download = new CompletableFuture<>();
        synchronized (this) {
            downloads.add(download);
            queuedDownloads.add(() -> runtime.downloader.download(item, sink)
                    .handle((fetched, error) -> {
                        if (error != null) {
                            recordFailure(new ImageFailure(item.indexOrOrdinal(), "ImageDownloadFailed",
                                    runtime.errors.redact(SeedreamException.unwrap(error).getMessage())));
                        } else {
                            deliver(item);
                        }
                        return null;
                    })
                    .whenComplete((done, error) -> {
                        downloadEnded();
                        if (error != null) {
                            download.completeExceptionally(error);
                        } else {
                            download.complete(null);
                        }
                    }));
        }
        startQueuedDownloads();
    }

    private void startQueuedDownloads() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (runningDownloads >= PARALLEL_DOWNLOADS || queuedDownloads.isEmpty()) {
                    return;
                }
                runningDownloads++;
                next = queuedDownloads.poll();
            }
            next.run();
        }
    }

    /** Runs on the I/O thread that ended a download: the next one starts elsewhere, as its name lookup may block. */
    private void downloadEnded() {
        synchronized (this) {
            runningDownloads--;
        }
        try {
            runtime.decoders.execute(this::startQueuedDownloads);
        } catch (RejectedExecutionException closed) {
            startQueuedDownloads(); // the client is closing: each queued download fails at once on its own
        }
    }

    private void recordFailure(ImageFailure failure) {
        synchronized (this) {
            failures.add(failure);
        }
        notifyListener(() -> listener.onImageFailed(failure));
    }

    private void deliver(ResponseItem<T> item) {
        try {
            GeneratedImage<T> image = item.complete();
            synchronized (this) {
                images.add(image);
            }
            notifyListener(() -> listener.onImage(image));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The caller's listener failing is the caller's failure, not a network fault: never retried. */
    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw new CompletionException(new SinkFailure(new IOException("the ImageListener threw " + e, e)));
        }
    }
}
