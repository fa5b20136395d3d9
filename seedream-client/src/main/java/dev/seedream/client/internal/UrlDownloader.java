/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.ImageSink;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import io.netty.resolver.NameResolver;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.BoundRequestBuilder;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.RequestBuilderBase;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads {@code response_format=url} images into a sink, streamed, with a size cap, https only unless allowed,
 * and redirects followed by hand so every hop is checked: scheme, and the address connected to, which must be
 * public unless it is the API's own origin (an emulator on loopback) or private networks are allowed. What arrives
 * must be an image. The API key is never sent: the URLs are pre-signed.
 */
final class UrlDownloader {

    private static final NameResolver<InetAddress> PUBLIC_ONLY =
            new PublicAddressResolver(RequestBuilderBase.DEFAULT_NAME_RESOLVER);

    private final AsyncHttpClient http;
    private final long maxBytes;
    private final int maxRedirects;
    private final boolean allowHttp;
    private final boolean allowPrivateNetwork;
    private final URI apiOrigin;

    UrlDownloader(AsyncHttpClient http, ClientRuntime.DownloadRules rules, URI baseUrl) {
        this.http = http;
        this.maxBytes = rules.maxBytes();
        this.maxRedirects = rules.maxRedirects();
        this.allowHttp = rules.allowHttp();
        this.allowPrivateNetwork = rules.allowPrivateNetwork();
        this.apiOrigin = origin(baseUrl);
    }

    /** Fetches {@code url} into a new target of {@code sink}; the item gets its target and byte counter. */
    <T> CompletableFuture<ResponseItem<T>> download(ResponseItem<T> item, ImageSink<T> sink) {
        return fetch(item, sink, item.url, 0);
    }

    private <T> CompletableFuture<ResponseItem<T>> fetch(ResponseItem<T> item, ImageSink<T> sink, String url,
                                                         int redirects) {
        String problem = checkUrl(url);
        if (problem != null) {
            return CompletableFuture.failedFuture(new IOException(problem));
        }
        Download<T> download = new Download<>(item, sink);
        try {
            URI target = URI.create(url);
            BoundRequestBuilder get = http.prepareGet(url);
            if (!allowPrivateNetwork && !origin(target).equals(apiOrigin)) {
                get.setNameResolver(PUBLIC_ONLY);
            }
            get.execute(download);
        } catch (RuntimeException malformed) { // one bad URL is one failed image, never the whole call
            return CompletableFuture.failedFuture(new IOException("image URL could not be requested: "
                    + malformed.getMessage(), malformed));
        }
        return download.result.thenCompose(location -> {
            if (location == null) {
                return CompletableFuture.completedFuture(item);
            }
            if (redirects >= maxRedirects) {
                return CompletableFuture.failedFuture(new IOException("more than " + maxRedirects + " redirects"));
            }
            String next;
            try {
                next = URI.create(url).resolve(location).toString();
            } catch (IllegalArgumentException malformed) {
                return CompletableFuture.failedFuture(new IOException("image download redirected to an invalid"
                        + " Location"));
            }
            return fetch(item, sink, next, redirects + 1);
        });
    }

    private String checkUrl(String url) {
        String scheme;
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return "not a valid image URL (no host)";
            }
            scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "not a valid image URL";
        }
        if ("https".equals(scheme) || ("http".equals(scheme) && allowHttp)) {
            return null;
        }
        return "image URL scheme '" + scheme + "' refused: only https is downloaded"
                + (allowHttp ? "" : " (allow http explicitly for local emulators)");
    }

    /** Scheme, host and port (default port made explicit): what "the same origin" compares. */
    private static URI origin(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port);
    }

    /** One GET. Completes with a redirect location, or null when the image is complete in the item's target. */
    private final class Download<T> implements AsyncHandler<Void> {
        final CompletableFuture<String> result = new CompletableFuture<>();
        private final ResponseItem<T> item;
        private final ImageSink<T> sink;
        private int status;
        private String location;
        private String contentType;
        private IOException failure;

        Download(ResponseItem<T> item, ImageSink<T> sink) {
            this.item = item;
            this.sink = sink;
        }

        @Override
        public State onStatusReceived(HttpResponseStatus responseStatus) {
            status = responseStatus.getStatusCode();
            return State.CONTINUE;
        }

        @Override
        public State onHeadersReceived(HttpHeaders headers) {
            location = headers.get("Location");
            contentType = String.valueOf(headers.get("Content-Type"));
            if (status / 100 == 3 && location != null) {
                return State.ABORT;
            }
            if (status != 200) {
                failure = new IOException("image download answered HTTP " + status);
                return State.ABORT;
            }
            try {
                item.target = sink.open(item.ordinal);
                item.bytes = new SniffingOutputStream(item.target.stream(), maxBytes);
                return State.CONTINUE;
            } catch (IOException e) {
                failure = new SinkFailure(e);
                return State.ABORT;
            }
        }

        @Override
        public State onBodyPartReceived(HttpResponseBodyPart part) {
            try {
                item.bytes.write(part.getBodyPartBytes());
                return State.CONTINUE;
            } catch (IOException e) {
                failure = e;
                return State.ABORT;
            }
        }

        @Override
        public void onThrowable(Throwable t) {
            item.discard();
            result.completeExceptionally(t);
        }

        @Override
        public Void onCompleted() {
            if (failure == null && status == 200 && !item.bytes.mimeType().startsWith("image/")) {
                failure = new IOException("image download is not an image (" + contentType + ")");
            }
            if (failure != null) {
                item.discard();
                result.completeExceptionally(failure);
            } else {
                result.complete(status / 100 == 3 ? location : null);
            }
            return null;
        }
    }
}
