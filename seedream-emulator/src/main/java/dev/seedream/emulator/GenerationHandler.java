/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code POST /images/generations}: counts and records the request, then authentication → validation → content
 * policy → admission (rate limits) → fault draw → generation, answering the first failure with the provider's
 * error.
 */
final class GenerationHandler {

    private static final String BEARER = "Bearer ";

    private final Supplier<EmulatorConfig> config;
    private final StatsRecorder stats;
    private final RequestRecorder requests;
    private final RequestValidator validator;
    private final RateLimiter limiter;
    private final FaultControl faults;
    private final FaultInjector injector;
    private final ImageGenerator generator;
    private final ResponseWriter writer;
    private final JsonResponder json;
    private final SseResponder sse;

    GenerationHandler(Supplier<EmulatorConfig> config, StatsRecorder stats, RequestRecorder requests,
                      RequestValidator validator, RateLimiter limiter, FaultControl faults, FaultInjector injector,
                      ImageGenerator generator, ResponseWriter writer, JsonResponder json, SseResponder sse) {
        this.config = config;
        this.stats = stats;
        this.requests = requests;
        this.validator = validator;
        this.limiter = limiter;
        this.faults = faults;
        this.injector = injector;
        this.generator = generator;
        this.writer = writer;
        this.json = json;
        this.sse = sse;
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest http) {
        stats.generationRequest(HttpRouter.isAbsoluteForm(http.uri()));
        byte[] bytes = ByteBufUtil.getBytes(http.content());
        requests.record(new RecordedRequest(http.method().name(), http.uri(), http.headers(), bytes));
        RequestIds ids = RequestIds.forRequest(http.headers());
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        JsonNode body = Json.parseOrNull(bytes);
        if (body != null && body.path("prompt").isTextual()) {
            stats.prompt(body.get("prompt").asText());
        }
        EmulatorConfig cfg = config.get();
        GenerationRequest request;
        try {
            authenticate(http, cfg);
            request = validator.validate(body, cfg);
            ContentPolicy.checkRequest(request, cfg);
            limiter.admit(request.imageCount(), cfg);
        } catch (ApiError e) {
            writer.sendError(ctx.channel(), e, ids, keepAlive);
            return;
        }
        String host = http.headers().get(HttpHeaderNames.HOST, cfg.host());
        GenerationExchange ex = new GenerationExchange(ctx.channel(), ctx.executor(), ids, keepAlive, host,
                limiter::release);
        FaultSpec fault = faults.next(request.stream(), cfg.sseCutAfter()).orElse(null);
        if (fault != null) {
            stats.fault(fault.fault());
            if (FaultInjector.replacesResponse(fault.fault())) {
                injector.answerInstead(ex, request, fault);
                return;
            }
        }
        List<CompletableFuture<ImageResult>> results = generator.start(request, cfg);
        if (request.stream()) {
            sse.respond(ex, request, results, fault);
        } else {
            json.respond(ex, request, results, fault);
        }
    }

    private static void authenticate(FullHttpRequest http, EmulatorConfig cfg) {
        String header = http.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : "";
        if (!cfg.apiKeys().contains(key)) {
            throw ApiError.of(401, "AuthenticationError",
                    "The API key in the request is missing or invalid.");
        }
    }
}
