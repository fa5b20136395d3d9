/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSinks;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.processor.ProcessSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one generation result into image FlowFiles: content imported from the client's temp files (streamed, never
 * held in heap), the {@code seedream.*} and {@code fragment.*} attributes, and a RECEIVE provenance event; the
 * session itself reports the FORK from the parent for children made with {@code create(parent)}.
 * Runs on the trigger thread only.
 */
final class ImageFlowFiles {

    private ImageFlowFiles() {
    }

    /**
     * @param parent     the input FlowFile, or null when the processor runs without input
     * @param extra      attributes added to every image (e.g. the record index), may be empty
     * @return the image FlowFiles, not yet transferred
     */
    static List<FlowFile> create(ProcessSession session, FlowFile parent, ImageRequest request,
                                 GenerationResult<Path> result, String transitUri, Map<String, String> extra) {
        String fragmentId = UUID.randomUUID().toString();
        List<GeneratedImage<Path>> images = result.images();
        List<FlowFile> children = new ArrayList<>(images.size());
        for (int position = 0; position < images.size(); position++) {
            GeneratedImage<Path> image = images.get(position);
            FlowFile child = parent == null ? session.create() : session.create(parent);
            child = session.importFrom(image.content(), false, child);
            Map<String, String> attributes = attributes(request, result, image, fragmentId, position);
            attributes.putAll(extra);
            child = session.putAllAttributes(child, attributes);
            session.getProvenanceReporter().receive(child, transitUri, "Seedream image " + image.index(),
                    result.duration().toMillis());
            children.add(child);
        }
        return children;
    }

    private static Map<String, String> attributes(ImageRequest request, GenerationResult<Path> result,
                                                  GeneratedImage<Path> image, String fragmentId, int position) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(SeedreamAttributes.MIME_TYPE, image.mimeType());
        attributes.put(SeedreamAttributes.FILENAME, "seedream-" + fragmentId + "-" + image.index() + "."
                + ImageSinks.extensionFor(image.mimeType()));
        putIfPresent(attributes, SeedreamAttributes.MODEL, result.model() != null ? result.model() : request.model());
        putIfPresent(attributes, SeedreamAttributes.SIZE, image.size() != null ? image.size() : request.size());
        putIfPresent(attributes, SeedreamAttributes.SEED, request.seed());
        putIfPresent(attributes, SeedreamAttributes.REQUEST_ID, result.requestId());
        putIfPresent(attributes, SeedreamAttributes.URL, image.url());
        attributes.put(SeedreamAttributes.IMAGE_INDEX, String.valueOf(image.index()));
        attributes.put(SeedreamAttributes.IMAGE_COUNT, String.valueOf(result.images().size()));
        result.usage().ifPresent(usage -> attributes.put(SeedreamAttributes.OUTPUT_TOKENS,
                String.valueOf(usage.outputTokens())));
        attributes.put(SeedreamAttributes.DURATION_MS, String.valueOf(result.duration().toMillis()));
        attributes.put(SeedreamAttributes.FAILED_IMAGES, String.valueOf(result.failures().size()));
        attributes.put(SeedreamAttributes.FRAGMENT_ID, fragmentId);
        attributes.put(SeedreamAttributes.FRAGMENT_INDEX, String.valueOf(position));
        attributes.put(SeedreamAttributes.FRAGMENT_COUNT, String.valueOf(result.images().size()));
        return attributes;
    }

    private static void putIfPresent(Map<String, String> attributes, String name, Object value) {
        if (value != null) {
            attributes.put(name, value.toString());
        }
    }
}
