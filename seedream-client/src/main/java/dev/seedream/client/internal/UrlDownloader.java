package dev.seedream.client.internal;

import dev.seedream.client.ImageSink;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads {@code response_format=url} images into a sink, streamed, with a size cap, https only unless allowed,
 * and redirects followed by hand so every hop is checked. The API key is never sent: the URLs are pre-signed.
 */
final class UrlDownloader {

    private final AsyncHttpClient http;
    private final long maxBytes;
    private final int maxRedirects;
    private final boolean allowHttp;

    UrlDownloader(AsyncHttpClient http, long maxBytes, int maxRedirects, boolean allowHttp) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        this.allowHttp = allowHttp;
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
        http.prepareGet(url).execute(download);
        return download.result.thenCompose(location -> {
            if (location == null) {
                return CompletableFuture.completedFuture(item);
            }
            if (redirects >= maxRedirects) {
                return CompletableFuture.failedFuture(new IOException("more than " + maxRedirects + " redirects"));
            }
            return fetch(item, sink, URI.create(url).resolve(location).toString(), redirects + 1);
        });
    }

    private String checkUrl(String url) {
        String scheme;
        try {
            scheme = String.valueOf(URI.create(url).getScheme()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "not a valid image URL";
        }
        if ("https".equals(scheme) || ("http".equals(scheme) && allowHttp)) {
            return null;
        }
        return "image URL scheme '" + scheme + "' refused: only https is downloaded"
                + (allowHttp ? "" : " (allow http explicitly for local emulators)");
    }

    /** One GET. Completes with a redirect location, or null when the image is complete in the item's target. */
    private final class Download<T> implements AsyncHandler<Void> {
        final CompletableFuture<String> result = new CompletableFuture<>();
        private final ResponseItem<T> item;
        private final ImageSink<T> sink;
        private int status;
        private String location;
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
            if (status / 100 == 3 && location != null) {
                return State.ABORT;
            }
            if (status != 200) {
                failure = new IOException("image download answered HTTP " + status);
                return State.ABORT;
            }
            try {
                item.target = sink.open(item.ordinal);
                item.bytes = new SniffingOutputStream(item.target.stream());
                return State.CONTINUE;
            } catch (IOException e) {
                failure = new SinkFailure(e);
                return State.ABORT;
            }
        }

        @Override
        public State onBodyPartReceived(HttpResponseBodyPart part) {
            try {
                if (item.bytes.count() + part.length() > maxBytes) {
                    throw new IOException("image download exceeds the cap of " + maxBytes + " bytes");
                }
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
