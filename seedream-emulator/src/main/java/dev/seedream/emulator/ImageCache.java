/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Renders each distinct image once, on the render executor, and keeps results in an LRU bounded by bytes: encoding a
 * 4K JPEG costs far more than serving it. Concurrent requests for the same key share one render.
 */
final class ImageCache {

    private final ExecutorService renderExecutor;
    private final long maxBytes;
    private final Runnable onRender;
    private final Map<RenderKey, CompletableFuture<RenderedImage>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ImageCache(ExecutorService renderExecutor, long maxBytes, Runnable onRender) {
        this.renderExecutor = renderExecutor;
        this.maxBytes = maxBytes;
        this.onRender = onRender;
    }

    synchronized CompletableFuture<RenderedImage> get(RenderKey key, Supplier<RenderedImage> render) {
        CompletableFuture<RenderedImage> existing = entries.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<RenderedImage> future = CompletableFuture.supplyAsync(() -> {
            onRender.run();
            return render.get();
        }, renderExecutor);
        entries.put(key, future);
        future.whenComplete((image, error) -> completed(key, future, image));
        return future;
    }

    private synchronized void completed(RenderKey key, CompletableFuture<RenderedImage> future, RenderedImage image) {
        if (image == null) {
            entries.remove(key, future);
            return;
        }
        if (entries.get(key) != future) {
            return;
        }
        bytes += image.weight();
        evict();
    }

    /** Drops least recently used finished renders until the bound holds; renders in progress are never dropped. */
    private void evict() {
        Iterator<CompletableFuture<RenderedImage>> it = entries.values().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            CompletableFuture<RenderedImage> candidate = it.next();
            if (candidate.isDone() && !candidate.isCompletedExceptionally()) {
                bytes -= candidate.join().weight();
                it.remove();
            }
        }
    }
}
