/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * Reads a Server-Sent Events body line by line as it arrives, keeping every event received before a connection
 * failure. (A line subscriber gets all lines before the error; the JDK's {@code ofInputStream} may drop buffered data
 * once the connection fails.)
 */
final class SseEvents implements Flow.Subscriber<String> {

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

    final List<Event> events = new CopyOnWriteArrayList<>();
    /** The response, or {@code null} when the connection failed before the body ended. */
    HttpResponse<Void> response;
    /** The failure that ended the stream early, or {@code null} if it ended cleanly. */
    volatile Throwable failure;
    private String name;

    static SseEvents read(HttpRequest request) {
        SseEvents sse = new SseEvents();
        try {
            sse.response = Http.sendChecked(request, HttpResponse.BodyHandlers.fromLineSubscriber(sse));
        } catch (IOException e) {
            if (sse.failure == null) {
                sse.failure = e;
            }
        }
        return sse;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.startsWith("event: ")) {
            name = line.substring(7);
        } else if (line.startsWith("data: ")) {
            events.add(new Event(name, line.substring(6), System.nanoTime()));
            name = null;
        }
    }

    @Override
    public void onError(Throwable error) {
        failure = error;
    }

    @Override
    public void onComplete() {
        // a clean end: nothing to record
    }

    List<String> names() {
        return events.stream().map(e -> e.name() == null ? e.data() : e.name()).toList();
    }
}
