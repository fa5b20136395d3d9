package dev.seedream.emulator;

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

/**
 * Immutable emulator settings. Host, port, TLS, thread counts and cache size are read at start; everything else
 * (latency, limits, expiry, triggers, rendering noise, endpoints, stream endings, Retry-After) can be changed at run
 * time through
 * {@link SeedreamEmulator#configure} or {@code POST /__emulator/config}.
 */
public final class EmulatorConfig {

    private final String host;
    private final int port;
    private final Path tlsKeyStore;
    private final String tlsKeyStorePassword;
    private final Set<String> apiKeys;
    private final Latency latency;
    private final int imagesPerMinute;
    private final Duration rateWindow;
    private final int maxInFlight;
    private final Duration urlExpiry;
    private final String contentPolicyTrigger;
    private final String outputPolicyTrigger;
    private final double noise;
    private final float jpegQuality;
    private final long cacheBytes;
    private final int ioThreads;
    private final int renderThreads;
    private final int sseCutAfter;
    private final Long faultSeed;
    private final Map<Fault, Double> faultRates;
    private final Map<String, String> endpoints;
    private final Set<String> notOpenModels;
    private final SseCompletion sseCompletion;
    private final boolean retryAfterOn429;

    private EmulatorConfig(Builder b) {
        host = b.host;
        port = b.port;
        tlsKeyStore = b.tlsKeyStore;
        tlsKeyStorePassword = b.tlsKeyStorePassword;
        apiKeys = Collections.unmodifiableSet(new LinkedHashSet<>(b.apiKeys));
        latency = b.latency;
        imagesPerMinute = b.imagesPerMinute;
        rateWindow = b.rateWindow;
        maxInFlight = b.maxInFlight;
        urlExpiry = b.urlExpiry;
        contentPolicyTrigger = b.contentPolicyTrigger;
        outputPolicyTrigger = b.outputPolicyTrigger;
        noise = b.noise;
        jpegQuality = b.jpegQuality;
        cacheBytes = b.cacheBytes;
        ioThreads = b.ioThreads;
        renderThreads = b.renderThreads;
        sseCutAfter = b.sseCutAfter;
        faultSeed = b.faultSeed;
        faultRates = Collections.unmodifiableMap(new EnumMap<>(b.faultRates));
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(b.endpoints));
        notOpenModels = Collections.unmodifiableSet(new LinkedHashSet<>(b.notOpenModels));
        sseCompletion = b.sseCompletion;
        retryAfterOn429 = b.retryAfterOn429;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EmulatorConfig defaults() {
        return builder().build();
    }

    /** A builder pre-filled with this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public String host() { return host; }
    public int port() { return port; }
    /** The PKCS12 key store the emulator serves HTTPS with, or {@code null} for plain HTTP. */
    public Path tlsKeyStore() { return tlsKeyStore; }
    /** The password of {@link #tlsKeyStore()} and of its key, or {@code null} for plain HTTP. */
    public String tlsKeyStorePassword() { return tlsKeyStorePassword; }
    public Set<String> apiKeys() { return apiKeys; }
    public Latency latency() { return latency; }
    public int imagesPerMinute() { return imagesPerMinute; }
    /** The sliding window {@link #imagesPerMinute()} counts over: one minute, as the provider, unless a test shortens it. */
    public Duration rateWindow() { return rateWindow; }
    public int maxInFlight() { return maxInFlight; }
    public Duration urlExpiry() { return urlExpiry; }
    public String contentPolicyTrigger() { return contentPolicyTrigger; }
    public String outputPolicyTrigger() { return outputPolicyTrigger; }
    public double noise() { return noise; }
    public float jpegQuality() { return jpegQuality; }
    public long cacheBytes() { return cacheBytes; }
    public int ioThreads() { return ioThreads; }
    public int renderThreads() { return renderThreads; }
    public int sseCutAfter() { return sseCutAfter; }
    /** Seed of the fault-rate randomness, or {@code null} for a random seed. */
    public Long faultSeed() { return faultSeed; }
    public Map<Fault, Double> faultRates() { return faultRates; }
    /** Endpoint ids ({@code ep-…}) mapped to the model whose limits apply; other {@code ep-} ids get the widest. */
    public Map<String, String> endpoints() { return endpoints; }
    /** Model ids (as sent) answered 404 {@code ModelNotOpen}. */
    public Set<String> notOpenModels() { return notOpenModels; }
    public SseCompletion sseCompletion() { return sseCompletion; }
    /** Whether the emulator's own 429s carry {@code Retry-After}; an explicit {@link FaultSpec#http429} always does. */
    public boolean retryAfterOn429() { return retryAfterOn429; }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path tlsKeyStore;
        private String tlsKeyStorePassword;
        private Set<String> apiKeys = new LinkedHashSet<>(List.of("test-key"));
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
        private final Map<Fault, Double> faultRates = new EnumMap<>(Fault.class);
        private Map<String, String> endpoints = new LinkedHashMap<>();
        private Set<String> notOpenModels = new LinkedHashSet<>();
        private SseCompletion sseCompletion = SseCompletion.COMPLETED_AND_DONE;
        private boolean retryAfterOn429;

        private Builder() {
        }

        private Builder(EmulatorConfig c) {
            host = c.host;
            port = c.port;
            tlsKeyStore = c.tlsKeyStore;
            tlsKeyStorePassword = c.tlsKeyStorePassword;
            apiKeys = new LinkedHashSet<>(c.apiKeys);
            latency = c.latency;
            imagesPerMinute = c.imagesPerMinute;
            rateWindow = c.rateWindow;
            maxInFlight = c.maxInFlight;
            urlExpiry = c.urlExpiry;
            contentPolicyTrigger = c.contentPolicyTrigger;
            outputPolicyTrigger = c.outputPolicyTrigger;
            noise = c.noise;
            jpegQuality = c.jpegQuality;
            cacheBytes = c.cacheBytes;
            ioThreads = c.ioThreads;
            renderThreads = c.renderThreads;
            sseCutAfter = c.sseCutAfter;
            faultSeed = c.faultSeed;
            faultRates.putAll(c.faultRates);
            endpoints = new LinkedHashMap<>(c.endpoints);
            notOpenModels = new LinkedHashSet<>(c.notOpenModels);
            sseCompletion = c.sseCompletion;
            retryAfterOn429 = c.retryAfterOn429;
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
         * Shortens (or lengthens) the window of {@link #imagesPerMinute(int)}, so a test can live through several
         * windows in seconds; the limit then counts images per this window.
         */
        public Builder rateWindow(Duration window) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("rateWindow must be positive");
            }
            this.rateWindow = window;
            return this;
        }

        /** Generation requests in progress at once; 0 = unlimited. */
        public Builder maxInFlight(int limit) {
            this.maxInFlight = check(limit, 0, Integer.MAX_VALUE, "maxInFlight");
            return this;
        }

        /** How long {@code url} results stay downloadable (provider: 24 h). */
        public Builder urlExpiry(Duration expiry) {
            if (expiry.isNegative() || expiry.isZero()) {
                throw new IllegalArgumentException("urlExpiry must be positive");
            }
            this.urlExpiry = expiry;
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
            Map<Fault, Double> next = new EnumMap<>(faultRates);
            next.put(Objects.requireNonNull(fault, "fault"), probability);
            FaultControl.checkTotal(next);
            faultRates.clear();
            faultRates.putAll(next);
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
            if ((tlsKeyStore == null) != (tlsKeyStorePassword == null)) {
                throw new IllegalArgumentException("TLS needs both a key store and its password");
            }
            return new EmulatorConfig(this);
        }

        private static int check(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "]: " + value);
            }
            return value;
        }

        private static String requireWord(String word, String name) {
            if (word == null || word.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return word;
        }
    }
}
