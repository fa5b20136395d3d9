package dev.seedream.client.internal;

import java.io.IOException;

/** The body was readable but not the documented shape. */
final class MalformedBodyException extends IOException {

    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
        super(message);
    }
}
