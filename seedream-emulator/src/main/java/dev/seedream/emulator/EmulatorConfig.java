/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Immutable emulator settings. Host, port, TLS, thread counts and cache size are read at start; everything else
 * (latency, limits, expiry, triggers, rendering noise, endpoints, stream endings, Retry-After) can be changed at run
 * time through {@link SeedreamEmulator#configure} or {@code POST /__emulator/config}.
 *
 * <p>Make one with {@link #builder()}: each setter checks its value as it is given (the defaults and limits are on
 * the setters). The canonical constructor, public as records require, copies the collections and checks that TLS
 * has both its settings, nothing more. {@link #toString()} leaves out the API keys and the key-store password.
 *
 * @param tlsKeyStore         the PKCS12 key store the emulator serves HTTPS with, or {@code null} for plain HTTP
 * @param tlsKeyStorePassword the password of {@code tlsKeyStore} and of its key, or {@code null} for plain HTTP
 * @param rateWindow          the sliding window {@code imagesPerMinute} counts over
 * @param faultSeed           seed of the fault-rate randomness, or {@code null} for a random seed
 * @param endpoints           endpoint ids ({@code ep-…}) mapped to the model whose limits apply
 * @param notOpenModels       model ids (as sent) answered 404 {@code ModelNotOpen}
 * @param retryAfterOn429     whether the emulator's own 429s carry {@code Retry-After}; an explicit
 *                            {@link FaultSpec#http429} always does
 */
public record EmulatorConfig(String host, int port, Path tlsKeyStore, String tlsKeyStorePassword, Set<String> apiKeys,
                             Latency latency, int imagesPerMinute, Duration rateWindow, int maxInFlight,
                             Duration urlExpiry, String contentPolicyTrigger, String outputPolicyTrigger, double noise,
                             float jpegQuality, long cacheBytes, int ioThreads, int renderThreads, int sseCutAfter,
                             Long faultSeed, Map<Fault, Double> faultRates, Map<String, String> endpoints,
                             Set<String> notOpenModels, SseCompletion sseCompletion, boolean retryAfterOn429) {

    private static final Set<String> SECRETS = Set.of("apiKeys", "tlsKeyStorePassword");

    public EmulatorConfig {
        if ((tlsKeyStore == null) != (tlsKeyStorePassword == null)) {
            throw new IllegalArgumentException("TLS needs both a key store and its password");
        }
        Map<Fault, Double> rates = new EnumMap<>(Fault.class);
        rates.putAll(faultRates);
        faultRates = Collections.unmodifiableMap(rates);
        apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(apiKeys));
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        notOpenModels = Collections.unmodifiableSet(new LinkedHashSet<>(notOpenModels));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EmulatorConfig defaults() {
        return builder().build();
    }

    /** A builder pre-filled with this configuration. */
    public Builder toBuilder() {
        // Through the setters, which take every value a built config holds; the four below have no plain setter.
        Builder builder = builder().host(host).port(port).apiKeys(apiKeys.toArray(String[]::new)).latency(latency)
                .imagesPerMinute(imagesPerMinute).rateWindow(rateWindow).maxInFlight(maxInFlight).urlExpiry(urlExpiry)
                .contentPolicyTrigger(contentPolicyTrigger).outputPolicyTrigger(outputPolicyTrigger).noise(noise)
                .jpegQuality(jpegQuality).cacheBytes(cacheBytes).ioThreads(ioThreads).renderThreads(renderThreads)
                .sseCutAfter(sseCutAfter).endpoints(endpoints).notOpenModels(notOpenModels.toArray(String[]::new))
                .sseCompletion(sseCompletion).retryAfterOn429(retryAfterOn429);
        builder.tlsKeyStore = tlsKeyStore;
        builder.tlsKeyStorePassword = tlsKeyStorePassword;
        builder.faultSeed = faultSeed;
        builder.faultRates = faultRates;
        return builder;
    }

    /** Every component but the secrets, which show only as {@code ***}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "EmulatorConfig[", "]");
        for (RecordComponent component : EmulatorConfig.class.getRecordComponents()) {
            String name = component.getName();
            try {
                text.add(name + "=" + (SECRETS.contains(name) ? "***" : component.getAccessor().invoke(this)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's own public accessor cannot fail", e);
            }
        }
        return text.toString();
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path tlsKeyStore;
        private String tlsKeyStorePassword;
        private Set<String> apiKeys = Set.of("test-key");
        private Latency latency = Latency.none();
        private int imagesPerMinute;
        private Duration rateWindow = Duration.ofMinutes(1);
        private int maxInFlight;
        private Duration urlExpiry = Duration.ofHours(24);
        private String contentPolicyTrigger = "forbidden";
        private String outputPolicyTrigger = "blocked-image";
        private double noise = 0.08;
        private float jpegQuality = 0.9f;
        private long cacheBytes = 256L << 20;
        private int ioThreads = 2;
        private int renderThreads = 2;
        private int sseCutAfter = FaultSpec.DEFAULT_PARAMETER;
        private Long faultSeed;
        private Map<Fault, Double> faultRates = Map.of();
        private Map<String, String> endpoints = new LinkedHashMap<>();
        private Set<String> notOpenModels = Set.of();
        private SseCompletion sseCompletion = SseCompletion.COMPLETED_AND_DONE;
        private boolean retryAfterOn429;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** 0 = a free port chosen by the OS. */
        public Builder port(int port) {
            this.port = check(port, 0, 65535, "port");
            return this;
        }

        /**
         * Serves HTTPS (only) with the key and certificate of a PKCS12 key store; {@code password} unlocks the store
         * and its key. The file is read at start, which fails if it cannot be.
         */
        public Builder tlsKeyStore(Path pkcs12File, String password) {
            return tlsKeyStoreFile(pkcs12File).tlsKeyStorePassword(password);
        }

        /** The CLI gives file and password as separate flags, in either order; {@link #build()} pairs them. */
        Builder tlsKeyStoreFile(Path pkcs12File) {
            this.tlsKeyStore = Objects.requireNonNull(pkcs12File, "pkcs12File");
            return this;
        }

        Builder tlsKeyStorePassword(String password) {
            this.tlsKeyStorePassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Replaces the accepted Bearer keys (default {@code test-key}). */
        public Builder apiKeys(String... keys) {
            if (keys.length == 0) {
                throw new IllegalArgumentException("at least one API key is needed");
            }
            apiKeys = new LinkedHashSet<>(List.of(keys));
            return this;
        }

        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** Images admitted per sliding minute; 0 = unlimited. */
        public Builder imagesPerMinute(int limit) {
            this.imagesPerMinute = check(limit, 0, Integer.MAX_VALUE, "imagesPerMinute");
            return this;
        }

        /**
         * Shortens (or lengthens) the window of {@link #imagesPerMinute(int)}, one minute as the provider's, so a test
         * can live through several windows in seconds; the limit then counts images per this window.
         */
        public Builder rateWindow(Duration window) {
            this.rateWindow = positive(window, "rateWindow");
            return this;
        }

        /** Generation requests in progress at once; 0 = unlimited. */
        public Builder maxInFlight(int limit) {
            this.maxInFlight = check(limit, 0, Integer.MAX_VALUE, "maxInFlight");
            return this;
        }

        /** How long {@code url} results stay downloadable (provider: 24 h). */
        public Builder urlExpiry(Duration expiry) {
            this.urlExpiry = positive(expiry, "urlExpiry");
            return this;
        }

        /** A prompt containing this word (case-insensitive) gets 400 {@code InputTextSensitiveContentDetected}. */
        public Builder contentPolicyTrigger(String word) {
            this.contentPolicyTrigger = requireWord(word, "trigger word");
            return this;
        }

        /**
         * A prompt containing this word gets an output-policy failure: item 1 of a group becomes an item-level
         * {@code OutputImageSensitiveContentDetected}; a single-image request gets it as a 400.
         */
        public Builder outputPolicyTrigger(String word) {
            this.outputPolicyTrigger = requireWord(word, "trigger word");
            return this;
        }

        /**
         * Per-pixel noise amplitude, 0 (flat, tiny JPEGs) to 1. It sets the JPEG payload size; the default 0.08
         * makes photo-like sizes (see the README for measured bytes per preset).
         */
        public Builder noise(double noise) {
            if (!(noise >= 0 && noise <= 1)) {
                throw new IllegalArgumentException("noise must be within [0, 1]");
            }
            this.noise = noise;
            return this;
        }

        public Builder jpegQuality(float quality) {
            if (!(quality > 0 && quality <= 1)) {
                throw new IllegalArgumentException("jpegQuality must be within (0, 1]");
            }
            this.jpegQuality = quality;
            return this;
        }

        /** Bound of the rendered-image cache (encoded bytes plus their base64), default 256 MiB. */
        public Builder cacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("cacheBytes must be >= 0");
            }
            this.cacheBytes = bytes;
            return this;
        }

        public Builder ioThreads(int threads) {
            this.ioThreads = check(threads, 1, 64, "ioThreads");
            return this;
        }

        public Builder renderThreads(int threads) {
            this.renderThreads = check(threads, 1, 64, "renderThreads");
            return this;
        }

        /** Events sent before a rate-drawn {@link Fault#SSE_CUT} closes the stream (scheduled ones carry their own). */
        public Builder sseCutAfter(int events) {
            this.sseCutAfter = check(events, 0, Integer.MAX_VALUE, "sseCutAfter");
            return this;
        }

        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** Probability per generation request of {@code fault}; the rates of all faults must sum to at most 1. */
        public Builder faultRate(Fault fault, double probability) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("fault rate must be within [0, 1]");
            }
            Map<Fault, Double> next = new EnumMap<>(Fault.class);
            next.putAll(faultRates);
            next.put(Objects.requireNonNull(fault, "fault"), probability);
            FaultControl.checkTotal(next);
            faultRates = next;
            return this;
        }

        /**
         * Maps a custom endpoint id ({@code ep-…}) to a known model id (e.g. {@code seedream-4-5-251128}), whose
         * limits then apply to requests naming the endpoint. Unmapped {@code ep-} ids get the widest limits.
         */
        public Builder endpoint(String endpointId, String model) {
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(model, "model");
            if (!endpointId.startsWith(ModelProfile.ENDPOINT_PREFIX)
                    || endpointId.length() == ModelProfile.ENDPOINT_PREFIX.length()) {
                throw new IllegalArgumentException("an endpoint id starts with ep-: " + endpointId);
            }
            if (model.startsWith(ModelProfile.ENDPOINT_PREFIX) || ModelProfile.find(model).isEmpty()) {
                throw new IllegalArgumentException("endpoint " + endpointId + " must map to a known model id: "
                        + model);
            }
            endpoints.put(endpointId, model);
            return this;
        }

        /** Replaces the whole endpoint mapping (see {@link #endpoint}). */
        public Builder endpoints(Map<String, String> mapping) {
            endpoints = new LinkedHashMap<>();
            mapping.forEach(this::endpoint);
            return this;
        }

        /** Replaces the model ids answered 404 {@code ModelNotOpen} (not activated for the key); none by default. */
        public Builder notOpenModels(String... models) {
            Set<String> next = new LinkedHashSet<>();
            for (String model : models) {
                next.add(requireWord(model, "model id"));
            }
            notOpenModels = next;
            return this;
        }

        /** How streams end (default {@link SseCompletion#COMPLETED_AND_DONE}). */
        public Builder sseCompletion(SseCompletion completion) {
            this.sseCompletion = Objects.requireNonNull(completion, "completion");
            return this;
        }

        /**
         * Whether the images-per-minute limit, the in-flight cap and {@link Fault#HTTP_429} faults without an explicit
         * parameter send {@code Retry-After}. Off by default: no public source shows the real service sending it.
         */
        public Builder retryAfterOn429(boolean send) {
            this.retryAfterOn429 = send;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(host, port, tlsKeyStore, tlsKeyStorePassword, apiKeys, latency, imagesPerMinute,
                    rateWindow, maxInFlight, urlExpiry, contentPolicyTrigger, outputPolicyTrigger, noise, jpegQuality,
                    cacheBytes, ioThreads, renderThreads, sseCutAfter, faultSeed, faultRates, endpoints,
                    notOpenModels, sseCompletion, retryAfterOn429);
        }

        private static int check(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "]: " + value);
            }
            return value;
        }

        private static Duration positive(Duration duration, String name) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }

        private static String requireWord(String word, String name) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return word;
        }
    }
}
