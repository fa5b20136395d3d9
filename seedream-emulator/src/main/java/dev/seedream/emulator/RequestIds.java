/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of one generation answer: ours, unique, in Ark's shape (a timestamp and hex), sent as {@code X-Request-Id}
 * (the header the SDKs name) and quoted at the end of error messages; and the client's own
 * {@code X-Client-Request-Id}, which the SDKs send on every request and read back from the response.
 *
 * @param server our id
 * @param client the id the client sent, or {@code null} when it sent none
 */
record RequestIds(String server, String client) {

    static final String HEADER = "X-Request-Id";
    static final String CLIENT_HEADER = "X-Client-Request-Id";
    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 20));

    /** A fresh id of ours, echoing the client's id from {@code request} if it sent one. */
    static RequestIds forRequest(HttpHeaders request) {
        return new RequestIds(next(), request.get(CLIENT_HEADER));
    }

    static String next() {
        return String.format("021%d%012x", System.currentTimeMillis(), SEQUENCE.incrementAndGet());
    }

    void addTo(HttpHeaders response) {
        response.set(HEADER, server);
        if (client != null) {
            response.set(CLIENT_HEADER, client);
        }
    }
}
