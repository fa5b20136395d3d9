/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One generation request as the emulator received it, from {@link SeedreamEmulator#takeRequest}: what a client
 * sent, whatever the emulator then answered. Immutable.
 *
 * <p>The body is kept up to 16 MiB (one 10 MB inline reference fits); the rest of a larger body is dropped,
 * {@link #bodyTruncated()} says so and {@link #json()} refuses to parse the part. {@link #toString()} never shows
 * the value of {@code Authorization} or {@code Proxy-Authorization}; {@link #header} gives it, for tests.
 */
public final class RecordedRequest {

    /** The most body bytes kept per request. */
    static final int MAX_BODY_BYTES = 16 << 20;

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization");

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final long bodySize;
    private final Instant receivedAt;

    /** Keeps {@code body} itself when it is within the cap (the caller hands it over), else a copy of its start. */
    RecordedRequest(String method, String target, HttpHeaders httpHeaders, byte[] body) {
        this.receivedAt = Instant.now();
        this.method = method;
        this.path = target;
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> header : httpHeaders) {
            byName.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue());
        }
        byName.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(byName);
        this.body = body.length <= MAX_BODY_BYTES ? body : Arrays.copyOf(body, MAX_BODY_BYTES);
        this.bodySize = body.length;
    }

    /** {@code POST}, since only those are recorded. */
    public String method() {
        return method;
    }

    /**
     * The request target as sent: {@code /api/v3/images/generations}, or an absolute URL from a client that was
     * configured with a forward proxy.
     */
    public String path() {
        return path;
    }

    /** The first value of the header, by name in any case, or {@code null} when it was not sent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every header, by name in any case (the map's keys keep the case sent), values in the order sent. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body bytes kept (all of them unless {@link #bodyTruncated()}). */
    public byte[] body() {
        return body.clone();
    }

    /** The body's full length as received, kept or not. */
    public long bodySize() {
        return bodySize;
    }

    /** Whether the body was longer than 16 MiB and only its start is kept. */
    public boolean bodyTruncated() {
        return body.length < bodySize;
    }

    /**
     * The body parsed anew on every call (so a caller's changes stay its own), or {@code null} when it is empty or
     * not JSON.
     *
     * @throws IllegalStateException when the body was truncated: its start alone is no JSON to check
     */
    public JsonNode json() {
        if (bodyTruncated()) {
            throw new IllegalStateException("the body of " + bodySize + " bytes was cut at " + MAX_BODY_BYTES
                    + " bytes when it was recorded");
        }
        return Json.parseOrNull(body);
    }

    /** The body bytes this record holds on to. */
    int keptBytes() {
        return body.length;
    }

    /** When the emulator received it (the whole body read). */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** Method, target, headers (credentials redacted) and body size; never the body. */
    @Override
    public String toString() {
        StringJoiner shown = new StringJoiner(", ", "{", "}");
        headers.forEach((name, values) -> shown.add(name + "=" + (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                ? "<redacted>" : String.join(", ", values))));
        return "RecordedRequest[" + method + " " + path + ", headers=" + shown + ", body=" + bodySize + " bytes"
                + (bodyTruncated() ? " (kept " + body.length + ")" : "") + "]";
    }
}
