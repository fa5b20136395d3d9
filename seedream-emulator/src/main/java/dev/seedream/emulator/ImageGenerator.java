/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Starts (or finds in the cache) the render of every image a request asks for. */
final class ImageGenerator {

    private final ImageCache cache;
    private final ImageRenderer renderer;

    ImageGenerator(ImageCache cache, ImageRenderer renderer) {
        this.cache = cache;
        this.renderer = renderer;
    }

    /** One future per output index, in order; the output-policy item is an immediate item-level failure. */
    List<CompletableFuture<ImageResult>> start(GenerationRequest request, EmulatorConfig config) {
        int blocked = ContentPolicy.blockedIndex(request, config);
        ReferenceImage reference = request.references().isEmpty() ? null : request.references().get(0);
        List<CompletableFuture<ImageResult>> results = new ArrayList<>(request.imageCount());
        for (int i = 0; i < request.imageCount(); i++) {
            if (i == blocked) {
                results.add(CompletableFuture.completedFuture(ImageResult.failure(i, ContentPolicy.outputRejected())));
                continue;
            }
            RenderKey key = new RenderKey(request.prompt(), request.seed(), request.width(), request.height(), i,
                    request.outputFormat(), reference == null ? null : reference.fingerprint(), config.noise(),
                    config.jpegQuality());
            int index = i;
            results.add(cache.get(key, () -> renderer.render(key, reference))
                    .thenApply(image -> ImageResult.success(index, image)));
        }
        return results;
    }
}
