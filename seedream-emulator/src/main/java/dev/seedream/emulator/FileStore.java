/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images behind {@code url} results, each under a fresh unguessable name until it expires. Entries reference the
 * shared {@link RenderedImage}s, so many URLs of one image cost no extra memory.
 */
final class FileStore {

    static final String PATH_PREFIX = "/files/";

    private record StoredFile(RenderedImage image, long expiresAtNanos) {
    }

    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final String scheme;

    /** @param scheme {@code http} or {@code https}, as the emulator serves */
    FileStore(String scheme) {
        this.scheme = scheme;
    }

    /** Stores {@code image} and returns its file name, e.g. {@code 3f…e1.jpeg}. */
    private String put(RenderedImage image, Duration expiry) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String name = HexFormat.of().formatHex(id) + "." + image.format();
        files.put(name, new StoredFile(image, System.nanoTime() + expiry.toNanos()));
        return name;
    }

    /** Stores {@code image} and returns its absolute URL on the emulator as the client addressed it. */
    String publish(RenderedImage image, String host, Duration expiry) {
        return scheme + "://" + host + PATH_PREFIX + put(image, expiry);
    }

    Optional<RenderedImage> get(String name) {
        StoredFile file = files.get(name);
        if (file == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - file.expiresAtNanos >= 0) {
            files.remove(name, file);
            return Optional.empty();
        }
        return Optional.of(file.image);
    }

    /** Forgets expired entries; run periodically so unread URLs do not pin images forever. */
    void sweep() {
        long now = System.nanoTime();
        files.values().removeIf(f -> now - f.expiresAtNanos >= 0);
    }
}
