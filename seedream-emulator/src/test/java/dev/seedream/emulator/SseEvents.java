package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a Server-Sent Events body as a client would, keeping what arrived before any connection failure. */
final class SseEvents {

    /** One event: its {@code event:} name, its {@code data:} text and when it arrived. */
    record Event(String name, String data, long arrivedNanos) {
        JsonNode json() {
            try {
                return Http.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final List<Event> events = new ArrayList<>();
    /** The failure that ended the stream early, or {@code null} if it ended cleanly. */
    IOException failure;

    static SseEvents read(InputStream body) {
        SseEvents result = new SseEvents();
        String name = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    result.events.add(new Event(name, line.substring(6), System.nanoTime()));
                    name = null;
                }
            }
        } catch (IOException e) {
            result.failure = e;
        }
        return result;
    }

    List<String> names() {
        return events.stream().map(e -> e.name() == null ? e.data() : e.name()).toList();
    }
}
