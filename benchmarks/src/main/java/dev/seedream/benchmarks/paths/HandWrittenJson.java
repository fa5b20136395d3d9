/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON work a user writes by hand around a plain HTTP client: build the request with Jackson, read the whole
 * answer with {@code readTree}, take {@code data[0].b64_json} as a String and {@link Base64}-decode it. Shared by
 * the JDK HttpClient, AsyncHttpClient and Camel-http paths so they differ only in their transport.
 */

public final class HandWrittenJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HandWrittenJson() {
    }

    /** The request body for one {@code b64_json} image of the given size. */
    public static byte[] requestBody(String prompt, String size) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("model", PathSettings.MODEL)
                .put("prompt", prompt)
                .put("size", size)
                .put("response_format", "b64_json");
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes the first image of a 200 answer and returns its size; any other status is an error. */
    public static long decodeFirstImage(int status, byte[] body) throws IOException {
        if (status != 200) {
            throw new IOException("HTTP " + status + ": " + new String(body, 0, Math.min(body.length, 300),
                    StandardCharsets.UTF_8));
        }
        JsonNode image = MAPPER.readTree(body).path("data").path(0).path("b64_json");
        if (!image.isTextual()) {
            throw new IOException("No data[0].b64_json in the answer");
        }
        return Base64.getDecoder().decode(image.asText()).length;
    }
}
