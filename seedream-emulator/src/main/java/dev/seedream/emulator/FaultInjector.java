/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** Carries out a drawn {@link FaultSpec} on the wire. */
final class FaultInjector {

    /** Faults that replace the whole answer: nothing is rendered or billed. */
    private static final Set<Fault> REPLACING = EnumSet.of(Fault.HTTP_500, Fault.HTTP_503, Fault.HTTP_429,
            Fault.QUOTA_EXCEEDED, Fault.SET_LIMIT_EXCEEDED, Fault.ERROR_IN_200, Fault.RESET_BEFORE_RESPONSE,
            Fault.STALL);
    /** What a misbehaving proxy might splice into a body; never valid JSON after a JSON prefix. */
    private static final byte[] GARBAGE = "<html><body>502 Bad Gateway</body></html>\u0000"
            .getBytes(StandardCharsets.UTF_8);
    private static final int MALFORMED_PREFIX = 120;

    private final ResponseWriter writer;
    private final Supplier<EmulatorConfig> config;

    FaultInjector(ResponseWriter writer, Supplier<EmulatorConfig> config) {
        this.writer = writer;
        this.config = config;
    }

    static boolean replacesResponse(Fault fault) {
        return REPLACING.contains(fault);
    }

    /** Faults that break the body (mid-body reset, truncation, malformed JSON). */
    static boolean breaksBody(FaultSpec spec) {
        return spec != null && !replacesResponse(spec.fault()) && spec.fault() != Fault.SSE_CUT;
    }

    /** Answers with the fault instead of generating. A stall answers nothing: the client's close releases it. */
    void answerInstead(GenerationExchange ex, GenerationRequest request, FaultSpec spec) {
        switch (spec.fault()) {
            case HTTP_500 -> error(ex, internalError());
            case HTTP_503 -> error(ex, ApiError.of(503, "ServiceUnavailable",
                    "The service is temporarily unavailable. Please retry later."));
            case HTTP_429 -> error(ex, ApiError.tooManyRequests("ServerOverloaded",
                    "The service is overloaded. Please retry later.", retryAfter(spec)));
            case QUOTA_EXCEEDED -> error(ex, ApiError.tooManyRequests("QuotaExceeded", "Your account's free trial "
                    + "or plan quota is used up. Top up or change your plan in the console, then retry.",
                    ApiError.NO_RETRY_AFTER));
            case SET_LIMIT_EXCEEDED -> error(ex, ApiError.tooManyRequests("SetLimitExceeded", "The request failed "
                    + "because the spend limit set for this account has been reached. Raise it in the console, then "
                    + "retry.", ApiError.NO_RETRY_AFTER));
            case ERROR_IN_200 -> errorIn200(ex, request.stream());
            case RESET_BEFORE_RESPONSE -> ResponseWriter.reset(ex.channel());
            case STALL -> { }
            default -> throw new IllegalArgumentException(spec.fault() + " does not replace the response");
        }
    }

    /** Sends a non-streaming 200 whose body {@code spec} breaks. */
    void sendBrokenBody(GenerationExchange ex, FaultSpec spec, ByteBuf body) {
        switch (spec.fault()) {
            case RESET_MID_BODY -> {
                HttpResponse head = ex.head(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON.toString());
                head.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
                writer.head(ex.channel(), head);
                resetAfter(ex, firstHalf(body));
            }
            case TRUNCATED_JSON -> {
                // No Content-Length and Connection: close make the body close-delimited, so the client sees a
                // clean end of a 200 body that is simply too short.
                HttpResponse head = ex.head(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON.toString());
                head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                writer.head(ex.channel(), head);
                closeAfter(ex, firstHalf(body));
            }
            case MALFORMED_JSON -> writer.sendJson(ex, malformed(body));
            default -> throw new IllegalArgumentException(spec.fault() + " does not break a body");
        }
    }

    /**
     * Breaks the first event of a stream whose head is already sent. Returns whether the stream goes on (after a
     * malformed event it does; after a reset or truncation the connection is gone).
     */
    boolean breakFirstEvent(GenerationExchange ex, FaultSpec spec, ByteBuf event) {
        switch (spec.fault()) {
            case RESET_MID_BODY -> {
                resetAfter(ex, firstHalf(event));
                return false;
            }
            case TRUNCATED_JSON -> {
                closeAfter(ex, firstHalf(event));
                return false;
            }
            case MALFORMED_JSON -> {
                writer.chunk(ex.channel(), Unpooled.wrappedBuffer(
                        firstBytes(event, MALFORMED_PREFIX), Unpooled.wrappedBuffer(GARBAGE),
                        Unpooled.wrappedBuffer("\n\n".getBytes(StandardCharsets.US_ASCII))));
                return true;
            }
            default -> throw new IllegalArgumentException(spec.fault() + " does not break an event");
        }
    }

    /** An explicit parameter is a test asking for {@code Retry-After}; otherwise the setting decides. */
    private int retryAfter(FaultSpec spec) {
        if (spec.explicit()) {
            return spec.parameter();
        }
        return config.get().retryAfterOn429() ? FaultSpec.DEFAULT_PARAMETER : ApiError.NO_RETRY_AFTER;
    }

    private static ApiError internalError() {
        return ApiError.of(500, "InternalServiceError", "The service encountered an unexpected internal error.");
    }

    private void error(GenerationExchange ex, ApiError error) {
        writer.sendError(ex.channel(), error, ex.ids(), ex.keepAlive()).addListener(f -> ex.finish());
    }

    /** The SDKs' top-level {@code error} of a 200: a JSON body without {@code data}, or one stream event. */
    private void errorIn200(GenerationExchange ex, boolean stream) {
        if (stream) {
            writer.head(ex.channel(), ex.streamHead());
            writer.chunk(ex.channel(), ResponseBodies.errorEvent(internalError(), ex.ids().server()));
            writer.end(ex.channel(), ex.keepAlive()).addListener(f -> ex.finish());
            return;
        }
        writer.sendJson(ex, ResponseBodies.error(internalError(), ex.ids().server()));
    }

    private void resetAfter(GenerationExchange ex, ByteBuf part) {
        writer.chunk(ex.channel(), part).addListener(f -> ResponseWriter.reset(ex.channel()));
    }

    private void closeAfter(GenerationExchange ex, ByteBuf part) {
        writer.chunk(ex.channel(), part).addListener(ChannelFutureListener.CLOSE);
    }

    private static ByteBuf firstHalf(ByteBuf body) {
        return body.retainedSlice(body.readerIndex(), body.readableBytes() / 2);
    }

    private static ByteBuf firstBytes(ByteBuf body, int max) {
        return body.retainedSlice(body.readerIndex(), Math.min(max, body.readableBytes()));
    }

    private static ByteBuf malformed(ByteBuf body) {
        // At most half the body, so the garbage never follows a complete JSON value (lenient parsers skip trailers).
        return Unpooled.wrappedBuffer(firstBytes(body, Math.min(MALFORMED_PREFIX, body.readableBytes() / 2)),
                Unpooled.wrappedBuffer(GARBAGE));
    }
}
