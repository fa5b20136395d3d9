/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Shortens values for {@code toString()} and messages, in the API types and the transport alike. Prompts may be
 * long or private, image data is large, and URLs may carry signatures or credentials in their query or user-info,
 * so none of these are ever shown in full. Not part of the API.
 */
public final class Redaction {

    public static final int PROMPT_CHARS = 60;

    private Redaction() {
    }

    /** The first {@code max} characters followed by "…", or the text itself when short enough. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "…";
    }

    /** Scheme, host, port and path only: user-info, query and fragment may hold credentials or signatures. */
    public static String url(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() != null && uri.getHost() != null) {
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                return truncate(uri.getScheme() + "://" + uri.getHost() + port + path, 120);
            }
        } catch (URISyntaxException malformed) {
            // fall through: shown cut at the first delimiter that could start a secret
        }
        int cut = url.length();
        for (char delimiter : new char[] {'?', '#', '@'}) {
            int index = url.indexOf(delimiter);
            cut = index >= 0 ? Math.min(cut, index) : cut;
        }
        return truncate(url.substring(0, cut), 120);
    }

    /** Human-readable size: {@code 512 bytes}, {@code 3.4 KB}, {@code 1.2 MB} (binary units). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
