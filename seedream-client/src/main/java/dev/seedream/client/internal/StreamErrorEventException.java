package dev.seedream.client.internal;

import java.io.IOException;

/** The provider reported a whole-request error as an event inside a stream response. */
final class StreamErrorEventException extends IOException {

    private static final long serialVersionUID = 1L;

    final String code;
    final String providerMessage;

    StreamErrorEventException(String code, String providerMessage) {
        super("stream error event " + code + ": " + providerMessage);
        this.code = code;
        this.providerMessage = providerMessage;
    }
}
