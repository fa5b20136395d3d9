/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** The fields of a provider {@code error} object: of an error body, a top-level error in a 200, or an item. */
final class ErrorFields {

    String code;
    String message;
    String param;
    String type;

    /** Reads the error value the parser is on: an object, or (leniently) a bare message. */
    static ErrorFields read(JsonParser parser) throws IOException {
        ErrorFields error = new ErrorFields();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            error.message = parser.getValueAsString();
            parser.skipChildren();
            return error;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "code" -> error.code = parser.getValueAsString();
                case "message" -> error.message = parser.getValueAsString();
                case "param" -> error.param = parser.getValueAsString();
                case "type" -> error.type = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
        return error;
    }

    boolean isPresent() {
        return code != null || message != null;
    }
}
