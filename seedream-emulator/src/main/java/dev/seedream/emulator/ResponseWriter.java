/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/** Writes responses and body chunks, counting statuses and the body bytes that reach the socket. */
final class ResponseWriter {

    /** Which counters a response feeds: generation responses count status and bytes, downloads bytes only. */
    enum Accounting { GENERATION, DOWNLOAD, NONE }

    private final StatsRecorder stats;

    ResponseWriter(StatsRecorder stats) {
        this.stats = stats;
    }

    /** A complete response with {@code Content-Length}; closes afterwards unless keep-alive. */
    ChannelFuture send(Channel channel, HttpResponseStatus status, String contentType, ByteBuf body,
                       boolean keepAlive, Accounting accounting) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        return send(channel, response, keepAlive, accounting);
    }

    ChannelFuture send(Channel channel, FullHttpResponse response, boolean keepAlive, Accounting accounting) {
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        countStatus(response, accounting);
        int bytes = response.content().readableBytes();
        ChannelFuture future = channel.writeAndFlush(response);
        if (accounting != Accounting.NONE) {
            countOnSuccess(future, bytes);
        }
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
        return future;
    }

    /** A complete {@code 200 application/json} answer to a generation request, which it then finishes. */
    void sendJson(GenerationExchange ex, ByteBuf json) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, json);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        ex.ids().addTo(response.headers());
        send(ex.channel(), response, ex.keepAlive(), Accounting.GENERATION).addListener(f -> ex.finish());
    }

    /** A provider error response for a generation request, with {@code Retry-After} when the error has one. */
    ChannelFuture sendError(Channel channel, ApiError error, RequestIds ids, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(error.status()), ResponseBodies.error(error, ids.server()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        ids.addTo(response.headers());
        if (error.retryAfterSeconds() != ApiError.NO_RETRY_AFTER) {
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, error.retryAfterSeconds());
        }
        return send(channel, response, keepAlive, Accounting.GENERATION);
    }

    /** The status line and headers of a streamed (or deliberately broken) generation response. */
    ChannelFuture head(Channel channel, HttpResponse head) {
        countStatus(head, Accounting.GENERATION);
        return channel.writeAndFlush(head);
    }

    /** One chunk of a streamed (or deliberately broken) body. */
    ChannelFuture chunk(Channel channel, ByteBuf content) {
        int bytes = content.readableBytes();
        ChannelFuture future = channel.writeAndFlush(new DefaultHttpContent(content));
        countOnSuccess(future, bytes);
        return future;
    }

    /** Ends a chunked body; closes afterwards unless keep-alive. */
    ChannelFuture end(Channel channel, boolean keepAlive) {
        ChannelFuture future = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
        return future;
    }

    /** A TCP reset instead of a FIN: SO_LINGER 0 makes close() discard unsent data and send RST. */
    static void reset(Channel channel) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
    }

    private void countStatus(HttpResponse response, Accounting accounting) {
        if (accounting == Accounting.GENERATION) {
            stats.status(response.status().code());
        }
    }

    private void countOnSuccess(ChannelFuture future, int bytes) {
        future.addListener(f -> {
            if (f.isSuccess()) {
                stats.bytesSent(bytes);
            }
        });
    }
}
