/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

/** Names of the FlowFile attributes the Seedream processors write; listed once so annotations and code agree. */
final class SeedreamAttributes {

    static final String MIME_TYPE = "mime.type";
    static final String FILENAME = "filename";
    static final String MODEL = "seedream.model";
    static final String SIZE = "seedream.size";
    static final String SEED = "seedream.seed";
    static final String IMAGE_INDEX = "seedream.image.index";
    static final String IMAGE_COUNT = "seedream.image.count";
    static final String REQUEST_ID = "seedream.request.id";
    static final String OUTPUT_TOKENS = "seedream.usage.output_tokens";
    static final String DURATION_MS = "seedream.duration.ms";
    static final String URL = "seedream.url";
    static final String FAILED_IMAGES = "seedream.failed.count";
    static final String RECORD_INDEX = "seedream.record.index";
    static final String FRAGMENT_ID = "fragment.identifier";
    static final String FRAGMENT_INDEX = "fragment.index";
    static final String FRAGMENT_COUNT = "fragment.count";
    static final String ERROR_CODE = "seedream.error.code";
    static final String ERROR_MESSAGE = "seedream.error.message";
    static final String HTTP_STATUS = "seedream.http.status";
    static final String RECORD_COUNT = "record.count";

    private SeedreamAttributes() {
    }
}
