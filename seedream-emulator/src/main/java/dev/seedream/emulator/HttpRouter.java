/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends each request to the generation, file or admin handler; anything else gets a provider-style 404 or 405.
 * Targets in absolute form (from a client configured with a forward proxy) are routed by their path.
 */
@ChannelHandler.Sharable
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String GENERATIONS_PATH = "/api/v3/images/generations";
    private static final Logger LOG = Logger.getLogger(HttpRouter.class.getName());

    private final GenerationHandler generation;
    private final FilesHandler files;
    private final AdminHandler admin;
    private final ResponseWriter writer;

    HttpRouter(GenerationHandler generation, FilesHandler files, AdminHandler admin, ResponseWriter writer) {
        this.generation = generation;
        this.files = files;
        this.admin = admin;
        this.writer = writer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
        String path = path(http.uri());
        HttpMethod method = http.method();
        if (path.equals(GENERATIONS_PATH)) {
            if (method.equals(HttpMethod.POST)) {
                generation.handle(ctx, http);
            } else {
                notFound(ctx, http, 405, "Use POST on " + GENERATIONS_PATH + ".");
            }
        } else if (path.startsWith(FileStore.PATH_PREFIX) && method.equals(HttpMethod.GET)) {
            files.handle(ctx, http, path);
        } else if (path.startsWith(AdminHandler.PREFIX)) {
            admin.handle(ctx, http, path);
        } else {
            notFound(ctx, http, 404, "No such path: " + path);
        }
    }

    /**
     * Whether the request target is in absolute form ({@code POST http://host/api/v3/...}), as a client sends it to
     * a forward proxy. Servers must accept that form (RFC 9112, 3.2.2), which lets the emulator stand in for a proxy.
     */
    static boolean isAbsoluteForm(String target) {
        return target.regionMatches(true, 0, "http://", 0, 7) || target.regionMatches(true, 0, "https://", 0, 8);
    }

    /**
     * The path of either form, decoded the same way; an absolute target's authority is simply cut off. A path that
     * cannot be decoded (a bad percent escape) is kept raw: it matches no route and is answered 404, not dropped.
     */
    private static String path(String target) {
        String originForm = target;
        if (isAbsoluteForm(target)) {
            int pathStart = target.indexOf('/', target.indexOf("//") + 2);
            originForm = pathStart < 0 ? "/" : target.substring(pathStart);
        }
        try {
            return new QueryStringDecoder(originForm).path();
        } catch (IllegalArgumentException undecodable) {
            return originForm;
        }
    }

    private void notFound(ChannelHandlerContext ctx, FullHttpRequest http, int status, String message) {
        ApiError error = ApiError.of(status, status == 404 ? "NotFound" : "MethodNotAllowed", message);
        writer.send(ctx.channel(), HttpResponseStatus.valueOf(status), "application/json",
                ResponseBodies.error(error, RequestIds.next()), HttpUtil.isKeepAlive(http),
                ResponseWriter.Accounting.NONE);
    }

    /** Clients vanishing mid-response are routine here (they time out, faults reset them): close quietly. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.log(Level.WARNING, "closing connection after an unexpected error", cause);
        }
        ctx.close();
    }
}
