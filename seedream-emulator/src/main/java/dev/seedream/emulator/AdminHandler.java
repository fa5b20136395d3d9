/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API under {@code /__emulator/}: {@code stats} (GET), {@code faults} and {@code config} (GET, POST) and
 * {@code reset} (POST). Not authenticated, never faulted, never counted.
 */
final class AdminHandler {

    static final String PREFIX = "/__emulator/";

    private final SeedreamEmulator emulator;
    private final ResponseWriter writer;

    AdminHandler(SeedreamEmulator emulator, ResponseWriter writer) {
        this.emulator = emulator;
        this.writer = writer;
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest http, String path) {
        boolean post = http.method().equals(HttpMethod.POST);
        boolean get = http.method().equals(HttpMethod.GET);
        String action = path.substring(PREFIX.length());
        try {
            Object answer = switch (action) {
                case "stats" -> get ? emulator.stats() : null;
                case "faults" -> post ? setFaults(body(http)) : get ? faultState() : null;
                case "config" -> post ? setConfig(body(http)) : get ? configView() : null;
                case "reset" -> post ? reset() : null;
                default -> throw ApiError.of(404, "NotFound", "No admin endpoint " + path);
            };
            if (answer == null) {
                throw ApiError.of(405, "MethodNotAllowed", http.method() + " is not allowed on " + path);
            }
            reply(ctx, http, HttpResponseStatus.OK, Json.bytes(answer));
        } catch (ApiError e) {
            reply(ctx, http, HttpResponseStatus.valueOf(e.status()), ByteBufUtil.getBytes(
                    ResponseBodies.error(e, RequestIds.next())));
        } catch (IllegalArgumentException e) {
            reply(ctx, http, HttpResponseStatus.BAD_REQUEST, ByteBufUtil.getBytes(
                    ResponseBodies.error(ApiError.invalid("", e.getMessage()), RequestIds.next())));
        }
    }

    /**
     * {@code {"clear": true, "rates": {"HTTP_500": 0.1}, "schedule": ["HTTP_503", {"fault": "SSE_CUT",
     * "parameter": 2}]}}: everything is parsed before anything changes. A fault without {@code parameter} is
     * {@link FaultSpec#of}, with one it is explicit.
     */
    private Object setFaults(JsonNode body) {
        List<FaultSpec> schedule = new ArrayList<>();
        for (JsonNode item : body.path("schedule")) {
            if (item.isTextual()) {
                schedule.add(FaultSpec.of(fault(item.asText())));
            } else {
                Fault fault = fault(item.path("fault").asText());
                JsonNode parameter = item.get("parameter");
                schedule.add(parameter == null ? FaultSpec.of(fault) : new FaultSpec(fault, parameter.asInt()));
            }
        }
        FaultControl faults = emulator.faults();
        if (body.path("clear").asBoolean(false)) {
            faults.clear();
        }
        for (Map.Entry<String, JsonNode> rate : body.path("rates").properties()) {
            faults.rate(fault(rate.getKey()), rate.getValue().asDouble());
        }
        faults.schedule(schedule.toArray(new FaultSpec[0]));
        return faultState();
    }

    private ObjectNode faultState() {
        ObjectNode state = Json.MAPPER.createObjectNode();
        ObjectNode rates = state.putObject("rates");
        emulator.faults().rates().forEach((fault, p) -> rates.put(fault.name(), p));
        ArrayNode scheduled = state.putArray("scheduled");
        for (FaultSpec spec : emulator.faults().scheduled()) {
            ObjectNode entry = scheduled.addObject().put("fault", spec.fault().name());
            if (spec.explicit()) {
                entry.put("parameter", spec.parameter());
            }
        }
        return state;
    }

    /** {@code {"latency": "fixed:1s", "imagesPerMinute": 10, ...}}: all or nothing. */
    private Object setConfig(JsonNode body) {
        emulator.configure(builder -> {
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                ConfigOption option = ConfigOption.byJsonName(field.getKey());
                if (!option.runtime()) {
                    throw new IllegalArgumentException(field.getKey() + " cannot be changed at run time");
                }
                option.apply(builder, values(field.getValue()));
            }
        });
        return configView();
    }

    private ObjectNode configView() {
        EmulatorConfig c = emulator.config();
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("host", c.host());
        view.put("port", emulator.port());
        view.put("apiKeyCount", c.apiKeys().size());
        view.put("latency", c.latency().toString());
        view.put("imagesPerMinute", c.imagesPerMinute());
        view.put("rateWindow", Durations.format(c.rateWindow()));
        view.put("maxInFlight", c.maxInFlight());
        view.put("urlExpiry", Durations.format(c.urlExpiry()));
        view.put("contentPolicyTrigger", c.contentPolicyTrigger());
        view.put("outputPolicyTrigger", c.outputPolicyTrigger());
        view.put("noise", c.noise());
        view.put("jpegQuality", c.jpegQuality());
        view.put("sseCutAfter", c.sseCutAfter());
        view.put("sseCompletion", c.sseCompletion().toString());
        view.put("retryAfterOn429", c.retryAfterOn429());
        ArrayNode endpoints = view.putArray("endpoint");
        c.endpoints().forEach((endpoint, model) -> endpoints.add(endpoint + "=" + model));
        ArrayNode notOpen = view.putArray("notOpenModel");
        c.notOpenModels().forEach(notOpen::add);
        return view;
    }

    private Object reset() {
        emulator.reset();
        return Map.of("reset", true);
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static Fault fault(String name) {
        try {
            return Fault.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault " + name + "; known: " + List.of(Fault.values()));
        }
    }

    private static JsonNode body(FullHttpRequest http) {
        JsonNode body = Json.parseOrNull(ByteBufUtil.getBytes(http.content()));
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return body;
    }

    private void reply(ChannelHandlerContext ctx, FullHttpRequest http, HttpResponseStatus status, byte[] json) {
        writer.send(ctx.channel(), status, "application/json", Unpooled.wrappedBuffer(json),
                HttpUtil.isKeepAlive(http), ResponseWriter.Accounting.NONE);
    }
}
