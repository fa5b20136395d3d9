/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

/** Attribute descriptions shared by the processors' {@code @WritesAttributes}, so the three never drift apart. */
final class ProcessorDocs {

    static final String MIME_TYPE = "The image type detected from the bytes, e.g. image/jpeg.";
    static final String FILENAME = "A unique file name with the extension of the image type.";
    static final String MODEL = "The model that generated the image.";
    static final String SIZE = "The image size, e.g. 2048x2048.";
    static final String SEED = "The seed sent with the request, when one was set.";
    static final String IMAGE_INDEX = "The image's position in its group as the provider numbers it (0-based).";
    static final String IMAGE_COUNT = "How many images the request delivered.";
    static final String REQUEST_ID = "The id to quote to the provider's support: the provider's request id, else the"
            + " X-Client-Request-Id the client sent. Written on image FlowFiles and on inputs routed to failure or"
            + " retry.";
    static final String OUTPUT_TOKENS = "Output tokens the provider reported for the whole request.";
    static final String DURATION_MS = "Wall time of the request in milliseconds, retries included.";
    static final String URL = "The provider's download link (Response Format URL); it expires after 24 hours.";
    static final String FAILED_IMAGES = "Images of the group that failed (e.g. output content policy).";
    static final String FRAGMENT_ID = "The same for all images of one request.";
    static final String FRAGMENT_INDEX = "The image's position among the delivered images (0-based).";
    static final String FRAGMENT_COUNT = "How many images the request delivered.";
    static final String ERROR_CODE = "On failure or retry: the provider's or the client's error code.";
    static final String ERROR_MESSAGE = "On failure or retry: what went wrong (never contains the API key).";
    static final String HTTP_STATUS = "On failure or retry: the provider's HTTP status, 0 when there was none.";

    private ProcessorDocs() {
    }
}
