/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/** {@code GET /files/<name>}: downloads of {@code url} results until they expire (then 404). */
final class FilesHandler {

    private final FileStore files;
    private final ResponseWriter writer;

    FilesHandler(FileStore files, ResponseWriter writer) {
        this.files = files;
        this.writer = writer;
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest http, String path) {
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        String name = path.substring(FileStore.PATH_PREFIX.length());
        files.get(name).ifPresentOrElse(
                image -> writer.send(ctx.channel(), HttpResponseStatus.OK, "image/" + image.format(),
                        Unpooled.wrappedBuffer(image.bytes()), keepAlive, ResponseWriter.Accounting.DOWNLOAD),
                () -> writer.send(ctx.channel(), HttpResponseStatus.NOT_FOUND, "application/json",
                        ResponseBodies.error(ApiError.of(404, "NotFound", "The file does not exist or has expired."),
                                RequestIds.next()), keepAlive, ResponseWriter.Accounting.NONE));
    }
}
