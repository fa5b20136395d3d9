/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The settings users can give, shared by the CLI ({@code --images-per-minute 10}) and the admin API
 * ({@code {"imagesPerMinute": 10}}), so both accept the same names, syntax and checks.
 */
enum ConfigOption {
    HOST("host", "ADDRESS", "interface to listen on (default 127.0.0.1)", false, (b, v) -> b.host(last(v))),
    PORT("port", "PORT", "port to listen on, 0 = any free port (default 8089)", false,
            (b, v) -> b.port(Integer.parseInt(last(v)))),
    TLS_KEYSTORE("tls-keystore", "FILE", "serve HTTPS with this PKCS12 key store (default: plain HTTP)", false,
            (b, v) -> b.tlsKeyStoreFile(Path.of(last(v)))),
    TLS_KEYSTORE_PASSWORD("tls-keystore-password", "PASSWORD", "password of the --tls-keystore and of its key", false,
            (b, v) -> b.tlsKeyStorePassword(last(v))),
    API_KEY("api-key", "KEY", "accepted Bearer key, repeatable (default test-key)", true,
            (b, v) -> b.apiKeys(v.toArray(new String[0]))),
    LATENCY("latency", "SPEC", "per-image latency: none, fixed:1s, uniform:500ms-2s, longtail:1s[:sigma]", true,
            (b, v) -> b.latency(Latency.parse(last(v)))),
    IMAGES_PER_MINUTE("images-per-minute", "N", "images admitted per sliding minute, 0 = unlimited", true,
            (b, v) -> b.imagesPerMinute(Integer.parseInt(last(v)))),
    RATE_WINDOW("rate-window", "DURATION", "window of --images-per-minute, e.g. 10s for fast tests (default 1m)", true,
            (b, v) -> b.rateWindow(Durations.parse(last(v)))),
    MAX_IN_FLIGHT("max-in-flight", "N", "generation requests in progress at once, 0 = unlimited", true,
            (b, v) -> b.maxInFlight(Integer.parseInt(last(v)))),
    URL_EXPIRY("url-expiry", "DURATION", "lifetime of url results, e.g. 10m (default 24h)", true,
            (b, v) -> b.urlExpiry(Durations.parse(last(v)))),
    CONTENT_POLICY_TRIGGER("content-policy-trigger", "WORD",
            "prompt word answered with 400 InputTextSensitiveContentDetected (default forbidden)", true,
            (b, v) -> b.contentPolicyTrigger(last(v))),
    OUTPUT_POLICY_TRIGGER("output-policy-trigger", "WORD",
            "prompt word that fails output image 1 (default blocked-image)", true,
            (b, v) -> b.outputPolicyTrigger(last(v))),
    NOISE("noise", "0..1", "pixel noise; sets JPEG sizes (default 0.08)", true,
            (b, v) -> b.noise(Double.parseDouble(last(v)))),
    JPEG_QUALITY("jpeg-quality", "0..1", "JPEG quality (default 0.9)", true,
            (b, v) -> b.jpegQuality(Float.parseFloat(last(v)))),
    SSE_CUT_AFTER("sse-cut-after", "K", "events sent before a rate-drawn SSE_CUT (default 1)", true,
            (b, v) -> b.sseCutAfter(Integer.parseInt(last(v)))),
    SSE_COMPLETION("sse-completion", "MODE", "how streams end: completed-and-done, done-only or none "
            + "(default completed-and-done)", true, (b, v) -> b.sseCompletion(SseCompletion.parse(last(v)))),
    RETRY_AFTER_ON_429("retry-after-on-429", "true|false", "send Retry-After on the emulator's 429s (default false)",
            true, (b, v) -> b.retryAfterOn429(bool(last(v)))),
    ENDPOINT("endpoint", "EP=MODEL", "maps an ep-... endpoint id to the model whose limits apply, repeatable "
            + "(unmapped ep- ids get the widest limits)", true, ConfigOption::endpoints),
    NOT_OPEN_MODEL("not-open-model", "MODEL", "model id answered 404 ModelNotOpen, repeatable", true,
            (b, v) -> b.notOpenModels(v.toArray(new String[0]))),
    FAULT_RATE("fault-rate", "FAULT=P", "probability per generation request of a fault, repeatable, e.g. HTTP_500=0.1",
            false, ConfigOption::faultRates),
    SEED("seed", "N", "seed of the fault randomness (default random)", false,
            (b, v) -> b.faultSeed(Long.parseLong(last(v)))),
    CACHE_MB("cache-mb", "MB", "rendered-image cache bound (default 256)", false,
            (b, v) -> b.cacheBytes(Long.parseLong(last(v)) << 20)),
    IO_THREADS("io-threads", "N", "Netty event-loop threads (default 2)", false,
            (b, v) -> b.ioThreads(Integer.parseInt(last(v)))),
    RENDER_THREADS("render-threads", "N", "image rendering threads (default 2)", false,
            (b, v) -> b.renderThreads(Integer.parseInt(last(v))));

    private final String flag;
    private final String valueName;
    private final String help;
    private final boolean runtime;
    private final BiConsumer<EmulatorConfig.Builder, List<String>> apply;

    ConfigOption(String flag, String valueName, String help, boolean runtime,
                 BiConsumer<EmulatorConfig.Builder, List<String>> apply) {
        this.flag = flag;
        this.valueName = valueName;
        this.help = help;
        this.runtime = runtime;
        this.apply = apply;
    }

    /** The CLI name without dashes, e.g. {@code images-per-minute}. */
    String flag() {
        return flag;
    }

    /** The admin-API name, e.g. {@code imagesPerMinute}. */
    String jsonName() {
        StringBuilder name = new StringBuilder();
        for (String part : flag.split("-")) {
            name.append(name.length() == 0 ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return name.toString();
    }

    String valueName() {
        return valueName;
    }

    String help() {
        return help;
    }

    /** Whether the admin API may change it on a running emulator. */
    boolean runtime() {
        return runtime;
    }

    /** Applies all values given for this option (the last wins unless the option is repeatable). */
    void apply(EmulatorConfig.Builder builder, List<String> values) {
        apply.accept(builder, values);
    }

    static ConfigOption byFlag(String flag) {
        for (ConfigOption o : values()) {
            if (o.flag.equals(flag)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option --" + flag);
    }

    static ConfigOption byJsonName(String name) {
        for (ConfigOption o : values()) {
            if (o.jsonName().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown setting " + name);
    }

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }

    /** Strict, unlike {@link Boolean#parseBoolean}: a typo must not silently mean false. */
    private static boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("use true or false: " + value);
        };
    }

    private static void faultRates(EmulatorConfig.Builder builder, List<String> values) {
        for (String value : values) {
            String[] pair = pair(value, "FAULT=PROBABILITY, e.g. HTTP_500=0.1");
            builder.faultRate(Fault.valueOf(pair[0].toUpperCase(Locale.ROOT)), Double.parseDouble(pair[1]));
        }
    }

    /** All the values together replace the mapping, as {@code api-key} values replace the keys. */
    private static void endpoints(EmulatorConfig.Builder builder, List<String> values) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String value : values) {
            String[] pair = pair(value, "EP=MODEL, e.g. ep-abc=seedream-4-5-251128");
            mapping.put(pair[0], pair[1]);
        }
        builder.endpoints(mapping);
    }

    private static String[] pair(String value, String syntax) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("use " + syntax + ": " + value);
        }
        return new String[] {value.substring(0, eq).trim(), value.substring(eq + 1).trim()};
    }
}
