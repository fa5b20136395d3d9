/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** The one shared (thread-safe) Jackson mapper and the few conversions the handlers need. */
final class Json {

    /**
     * Jackson caps strings at 20 M characters by default, less than the base64 of one 30 MB reference image: the cap
     * is the request size limit instead.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
            StreamReadConstraints.builder().maxStringLength(EmulatorServer.MAX_REQUEST_BYTES).build()).build());

    private Json() {
    }

    /** The parsed body, or {@code null} when it is not JSON at all. */
    static JsonNode parseOrNull(byte[] body) {
        try {
            return body.length == 0 ? null : MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of plain trees and maps cannot fail", e);
        }
    }

    /** A JSON string literal, quotes included. */
    static String quote(String text) {
        return new String(bytes(text), StandardCharsets.UTF_8);
    }
}
