/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted generation request on its channel. It releases its in-flight slot exactly once: when the response is
 * done or when the client goes away (a stalled request is released by the client's close or reset).
 */
final class GenerationExchange {

    private final Channel channel;
    private final EventExecutor executor;
    private final RequestIds ids;
    private final boolean keepAlive;
    private final String host;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Runnable release;
    private final ChannelFutureListener onClose = f -> finish();

    GenerationExchange(Channel channel, EventExecutor executor, RequestIds ids, boolean keepAlive, String host,
                       Runnable release) {
        this.channel = channel;
        this.executor = executor;
        this.ids = ids;
        this.keepAlive = keepAlive;
        this.host = host;
        this.release = release;
        channel.closeFuture().addListener(onClose);
    }

    Channel channel() {
        return channel;
    }

    /** The channel's event loop: all writes and timers of this exchange run there. */
    EventExecutor executor() {
        return executor;
    }

    RequestIds ids() {
        return ids;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** The request's {@code Host} header, so {@code url} results point wherever the client reached us. */
    String host() {
        return host;
    }

    boolean isOpen() {
        return channel.isActive();
    }

    void schedule(Duration delay, Runnable task) {
        if (delay.isZero()) {
            executor.execute(task);
        } else {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** A response head carrying the request-id headers. */
    HttpResponse head(HttpResponseStatus status, String contentType) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        ids.addTo(head.headers());
        return head;
    }

    /** The head of a {@code 200 text/event-stream}, chunked. */
    HttpResponse streamHead() {
        HttpResponse head = head(HttpResponseStatus.OK, "text/event-stream");
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(head, true);
        return head;
    }

    void finish() {
        if (finished.compareAndSet(false, true)) {
            channel.closeFuture().removeListener(onClose);
            release.run();
        }
    }
}
