/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.client.internal.ClientRuntime;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;
import org.asynchttpclient.proxy.ProxyServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Asynchronous Seedream image client. Build one per application (it owns one AsyncHttpClient, its threads and
 * its limits) and close it on shutdown. Thread-safe.
 *
 * <pre>{@code
 * try (SeedreamClient client = SeedreamClient.builder().apiKey(key).build()) {
 *     GenerationResult<byte[]> result = client.generate(ImageRequest.builder().prompt("a red fox").build());
 * }
 * }</pre>
 *
 * Every request is validated before any network call ({@link SeedreamValidationException}); failures are
 * {@link SeedreamException}s; retryable ones are retried per the {@link RetryPolicy}.
 */
public final class SeedreamClient implements AutoCloseable {

    /** BytePlus ModelArk, Asia-Pacific. */
    public static final String DEFAULT_BASE_URL = "https://ark.ap-southeast.bytepluses.com/api/v3";
    /** The model used when the builder names no default model. */
    public static final String DEFAULT_MODEL = "seedream-4-0-250828";
    /** Environment variables read, in this order, when no key is given. */
    public static final String[] API_KEY_VARIABLES = {"SEEDREAM_API_KEY", "ARK_API_KEY"};

    private static final Logger LOG = LoggerFactory.getLogger(SeedreamClient.class);
    /** A size below every model's minimum area: the provider must refuse it, and refusals are not billed. */
    private static final String CONNECTION_CHECK_SIZE = "1x1";

    private final ClientRuntime runtime;
    private final String baseUrl;
    private final String defaultModel;
    private final ValidationMode validationMode;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SeedreamClient(Builder builder, ClientRuntime runtime) {
        this.runtime = runtime;
        this.baseUrl = builder.baseUrl;
        this.defaultModel = builder.defaultModel;
        this.validationMode = builder.validationMode;
    }

    /**
     * Starts the settings of a new client.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies the default model and validates every rule at once — those that hold for every model and, in
     * {@link ValidationMode#STRICT}, the model's own limits — throwing one {@link SeedreamValidationException} that
     * lists every violation. The async methods do this too (failing the future); adapters call it to reject bad
     * input synchronously.
     *
     * @param request the request
     * @return the request, with the default model when it named none
     */
    public ImageRequest prepare(ImageRequest request) {
        Objects.requireNonNull(request, "request");
        ImageRequest withModel = request.model() == null ? request.withModel(defaultModel) : request;
        ModelProfile profile = ModelProfiles.forModel(withModel.model());
        RequestValidator.validate(withModel, profile, validationMode);
        logIgnoredOptions(withModel, profile);
        return withModel;
    }

    /** Options the provider ignores rather than refuses: sent as given (never stricter than the provider), noted. */
    private static void logIgnoredOptions(ImageRequest request, ModelProfile profile) {
        if (request.maxImages() != null && request.sequentialImageGeneration() == SequentialImageGeneration.DISABLED) {
            LOG.debug("max_images={} has no effect with sequential_image_generation 'disabled': one image comes back",
                    request.maxImages());
        } else if (request.sequentialImageGeneration() == SequentialImageGeneration.AUTO && !profile.imageSets()) {
            LOG.debug("{} makes no image sets: sequential_image_generation 'auto' gives one image", request.model());
        }
    }

    /**
     * Generates images, decoding each into {@code sink} and handing it to {@code listener} as soon as it is
     * complete (with {@code stream=true}: as each event arrives).
     *
     * @param request  the request
     * @param sink     where the image bytes go
     * @param listener gets each image as it arrives
     * @param <T>      the sink's content type
     * @return a future of the call's result
     */
    public <T> CompletableFuture<GenerationResult<T>> generateAsync(ImageRequest request, ImageSink<T> sink,
                                                                    ImageListener<T> listener) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("This SeedreamClient is closed"));
        }
        ImageRequest prepared;
        try {
            prepared = prepare(request);
        } catch (SeedreamValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        try {
            return runtime.generate(prepared, prepared.maxOutputImages(), prepared::writeJson, sink, listener);
        } catch (RuntimeException e) { // e.g. writing the body failed: the caller still gets one failed future
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Generates images into {@code sink}, with no listener.
     *
     * @param request the request
     * @param sink    where the image bytes go
     * @param <T>     the sink's content type
     * @return a future of the call's result
     */
    public <T> CompletableFuture<GenerationResult<T>> generateAsync(ImageRequest request, ImageSink<T> sink) {
        return generateAsync(request, sink, ImageListener.none());
    }

    /**
     * Generates images kept in memory as {@code byte[]}.
     *
     * @param request the request
     * @return a future of the call's result
     */
    public CompletableFuture<GenerationResult<byte[]>> generateAsync(ImageRequest request) {
        return generateAsync(request, ImageSinks.memory());
    }

    /**
     * Blocking convenience: waits for the result and throws the {@link SeedreamException} (or Error) on failure.
     *
     * @param request the request
     * @param sink    where the image bytes go
     * @param <T>     the sink's content type
     * @return the call's result
     */
    public <T> GenerationResult<T> generate(ImageRequest request, ImageSink<T> sink) {
        try {
            return generateAsync(request, sink).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Blocking convenience with images kept in memory as {@code byte[]}.
     *
     * @param request the request
     * @return the call's result
     */
    public GenerationResult<byte[]> generate(ImageRequest request) {
        return generate(request, ImageSinks.memory());
    }

    /**
     * Checks that the endpoint is reachable and accepts the key, without generating a billed image: it sends one
     * request with a 1x1 size, which passes the protocol checks but which every Seedream model must reject. The
     * provider authenticates before it validates, so its 400 proves the key and a 401 disproves it; an unknown model
     * answers 404 before the size is looked at, and a 429 (the account at its limit) comes only once the key is known.
     * The check waits for no request slot and takes no images of the budget, is never retried, and is not counted in
     * {@link #metrics()}; cancelling the returned future ends its request. For health checks and NiFi's Verify.
     * Checks the client's default model.
     *
     * @return a future of the check's verdict
     */
    public CompletableFuture<ConnectionCheck> checkConnection() {
        return checkConnection(defaultModel);
    }

    /**
     * {@link #checkConnection()} for {@code model} (a model or endpoint id), e.g. the one a route sends.
     *
     * @param model the model or endpoint id to check
     * @return a future of the check's verdict
     */
    public CompletableFuture<ConnectionCheck> checkConnection(String model) {
        Objects.requireNonNull(model, "model");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("This SeedreamClient is closed"));
        }
        ImageRequest probe = ImageRequest.builder().prompt("connection check").size(CONNECTION_CHECK_SIZE)
                .model(model).build();
        CompletableFuture<GenerationResult<Void>> call = runtime.probe(probe, probe::writeJson,
                ImageSinks.discarding());
        CompletableFuture<ConnectionCheck> verdict = call.handle((generated, failure) -> connectionVerdict(model,
                failure == null ? null : SeedreamException.unwrap(failure)));
        // As for a generation: a caller that gives up on the check also ends its HTTP exchange.
        verdict.whenComplete((ignored, failure) -> {
            if (verdict.isCancelled()) {
                call.cancel(true);
            }
        });
        return verdict;
    }

    private ConnectionCheck connectionVerdict(String model, Throwable failure) {
        if (failure == null) {
            return new ConnectionCheck(ConnectionCheck.Status.KEY_ACCEPTED, "Reached " + baseUrl + " and the key was"
                    + " accepted, but the provider generated an image for size " + CONNECTION_CHECK_SIZE
                    + " instead of rejecting it");
        }
        if (failure instanceof SeedreamInvalidRequestException expected) {
            return new ConnectionCheck(ConnectionCheck.Status.KEY_ACCEPTED, "Reached " + baseUrl + "; the API key and"
                    + " model " + model + " were accepted (the deliberately invalid probe was rejected with HTTP "
                    + expected.httpStatus() + " " + expected.errorCode() + ", so no image was generated)");
        }
        if (failure instanceof SeedreamRateLimitException busy) {
            return new ConnectionCheck(ConnectionCheck.Status.KEY_ACCEPTED, "Reached " + baseUrl + "; the API key was"
                    + " accepted, and the account is at its rate limit just now: " + busy.getMessage());
        }
        if (failure instanceof SeedreamAuthenticationException rejected) {
            return new ConnectionCheck(ConnectionCheck.Status.KEY_REJECTED, "Reached " + baseUrl + " but the API key"
                    + " was rejected: " + rejected.getMessage());
        }
        if (failure instanceof SeedreamNotFoundException unknownModel) {
            return new ConnectionCheck(ConnectionCheck.Status.MODEL_NOT_FOUND, "Reached " + baseUrl + " and the key"
                    + " was accepted, but model " + model + " was not found: " + unknownModel.getMessage());
        }
        return new ConnectionCheck(ConnectionCheck.Status.FAILED, "Could not verify " + baseUrl + ": "
                + failure.getMessage());
    }

    /**
     * A snapshot of this client's counters.
     *
     * @return the counters now
     */
    public ClientMetrics metrics() {
        return runtime.metrics();
    }

    /**
     * The API base URL this client sends to.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The model used for requests that name none.
     *
     * @return the default model or endpoint id
     */
    public String defaultModel() {
        return defaultModel;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "SeedreamClient[baseUrl=" + baseUrl + ", model=" + defaultModel + ", apiKey=****]";
    }

    /** Settings of a client; every one has a default except the API key (explicit or from the environment). */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private String defaultModel = DEFAULT_MODEL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofMinutes(5);
        private Duration requestTimeout = Duration.ofMinutes(10);
        private String userAgent = "seedream-java-client/0.1";
        private ProxyServer proxy;
        private SSLContext sslContext;
        private int maxConcurrentRequests = 32;
        private int imagesPerMinute = 500;
        private ImageBudget imageBudget;
        private Duration maxLimitWait = Duration.ofMinutes(1);
        private Duration callTimeout = Duration.ofMinutes(10);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ValidationMode validationMode = ValidationMode.STRICT;
        private long maxImageBytes = 64L * 1024 * 1024;
        private int maxRedirects = 3;
        private Boolean allowHttpDownloads;
        private boolean allowPrivateNetworkDownloads;
        private int ioThreads;
        private UnaryOperator<String> environment = System::getenv;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * API base URL; default {@value #DEFAULT_BASE_URL}. {@code /images/generations} is appended.
         *
         * @param baseUrl the base URL, not blank
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = requireText(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Bearer key. Default: {@code SEEDREAM_API_KEY}, else {@code ARK_API_KEY} from the environment.
         *
         * @param apiKey the API key, or null for the environment's
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Model used when a request names none; default {@value #DEFAULT_MODEL}.
         *
         * @param model the model or endpoint id, not blank
         * @return this builder
         */
        public Builder defaultModel(String model) {
            this.defaultModel = requireText(model, "defaultModel");
            return this;
        }

        /**
         * Longest time to open a connection; default 10 seconds.
         *
         * @param timeout the connect timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Longest silence while waiting for or reading a response; a group at 4K can take minutes.
         *
         * @param timeout the read timeout, positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = requirePositive(timeout, "readTimeout");
            return this;
        }

        /**
         * Longest time for one HTTP attempt, response body included.
         *
         * @param timeout the request timeout, positive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout, "requestTimeout");
            return this;
        }

        /**
         * The {@code User-Agent} header sent; default {@code seedream-java-client/0.1}.
         *
         * @param userAgent the header value, not blank
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = requireText(userAgent, "userAgent");
            return this;
        }

        /**
         * An HTTP proxy for the API and image downloads, with Basic credentials sent with every request when
         * {@code user} is not null. {@code https} traffic goes through it as a {@code CONNECT} tunnel.
         *
         * @param host     the proxy's host name or address
         * @param port     the proxy's port, 1 to 65535
         * @param user     the user name, or null for none
         * @param password the password; null exactly when {@code user} is
         * @return this builder
         */
        public Builder proxy(String host, int port, String user, String password) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("proxy port must be 1-65535, got " + port);
            }
            if ((user == null) != (password == null)) {
                throw new IllegalArgumentException("proxy user and password must be given together");
            }
            ProxyServer.Builder proxyBuilder = new ProxyServer.Builder(requireText(host, "proxy host"), port);
            if (user != null) {
                proxyBuilder.setRealm(Dsl.basicAuthRealm(user, password).setUsePreemptiveAuth(true));
            }
            this.proxy = proxyBuilder.build();
            return this;
        }

        /**
         * TLS settings (trust store, client certificate); default: the JDK's. Verification stays on.
         *
         * @param context the TLS settings, or null for the JDK's
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /**
         * Requests in flight at once (0 = unlimited); default 32. Extra calls wait, see {@link #maxLimitWait}.
         *
         * @param limit the most requests in flight, 0 for unlimited
         * @return this builder
         */
        public Builder maxConcurrentRequests(int limit) {
            this.maxConcurrentRequests = requireNotNegative(limit, "maxConcurrentRequests");
            return this;
        }

        /**
         * Images per minute across all calls (0 = unlimited); default 500, the provider's default account limit.
         * A call reserves the most images it may produce just before it is sent and gives back what was not
         * generated — except after a provider 429 that says its minute is full (every 429 but the momentary
         * {@code RequestBurstTooFast}, {@code InflightBatchsizeExceeded} and {@code ServerOverloaded}, and the
         * exhausted quotas): those images stay counted for the minute, so the retry waits for room.
         *
         * @param limit the most images per minute, 0 for unlimited
         * @return this builder
         */
        public Builder imagesPerMinute(int limit) {
            this.imagesPerMinute = requireNotNegative(limit, "imagesPerMinute");
            return this;
        }

        /**
         * Where the images-per-minute budget is kept instead of this client's own window: a budget shared by
         * several JVMs (module {@code seedream-budget-redis}) or one shared by several clients of this JVM. It
         * replaces {@link #imagesPerMinute(int)}; the client does not close it. Default: none.
         *
         * @param budget the budget to draw on, not null
         * @return this builder
         */
        public Builder imageBudget(ImageBudget budget) {
            this.imageBudget = Objects.requireNonNull(budget, "imageBudget");
            return this;
        }

        /**
         * Longest a call waits for limits, all its attempts together: for a request slot and images before each
         * attempt, and in the backoff after a provider 429. Default 1 minute. Once it is used up the call fails with
         * a rate-limit error: a {@linkplain SeedreamRateLimitException#isLocalLimit() local} one when our limiter
         * refused to wait longer (no request was sent), else the provider's 429
         * ({@link SeedreamRateLimitException#retryAfter()} tells how long it asked to wait). The time the attempts
         * themselves take is bounded by {@link #requestTimeout}, the whole call by {@link #callTimeout}.
         *
         * @param wait the longest wait for limits, positive
         * @return this builder
         */
        public Builder maxLimitWait(Duration wait) {
            this.maxLimitWait = requirePositive(wait, "maxLimitWait");
            return this;
        }

        /**
         * Longest a whole call may take — its waits for limits, every attempt and the backoff between them —
         * before it fails with {@link SeedreamTimeoutException}; an exchange still open then is aborted (the provider
         * may have generated and billed its images). No attempt starts after it. Default 10 minutes.
         *
         * @param timeout the longest time of a whole call, positive
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = requirePositive(timeout, "callTimeout");
            return this;
        }

        /**
         * When and how long failed calls are retried; default {@link RetryPolicy#defaults()}.
         *
         * @param policy the retry policy, not null
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Shortcut for {@code retryPolicy(retryPolicy.withMaxRetries(retries))}.
         *
         * @param retries retries after the first attempt, 0 or more
         * @return this builder
         */
        public Builder maxRetries(int retries) {
            this.retryPolicy = retryPolicy.withMaxRetries(retries);
            return this;
        }

        /**
         * {@link ValidationMode#PROTOCOL_ONLY} relaxes the per-model limits (newer models, custom endpoints).
         *
         * @param mode the validation mode, not null
         * @return this builder
         */
        public Builder validationMode(ValidationMode mode) {
            this.validationMode = Objects.requireNonNull(mode, "validationMode");
            return this;
        }

        /**
         * The largest image, in bytes, whichever way it comes: a {@code b64_json} value decoded from the response
         * (larger fails the call as a malformed response) or a downloaded {@code url} result (larger is an image
         * failure); decompressed bytes count. Default 64 MiB: a server decides nothing about our memory.
         *
         * @param bytes the largest image in bytes, positive
         * @return this builder
         */
        public Builder maxImageBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxImageBytes must be > 0, got " + bytes);
            }
            this.maxImageBytes = bytes;
            return this;
        }

        /**
         * Redirects followed when downloading a URL image; default 3.
         *
         * @param redirects the most redirects to follow, 0 or more
         * @return this builder
         */
        public Builder maxRedirects(int redirects) {
            this.maxRedirects = requireNotNegative(redirects, "maxRedirects");
            return this;
        }

        /**
         * Whether plain-http image URLs are downloaded. Default: only when the base URL itself is plain http (a
         * local emulator); https URLs always are.
         *
         * @param allow true to download plain-http URLs too
         * @return this builder
         */
        public Builder allowHttpDownloads(boolean allow) {
            this.allowHttpDownloads = allow;
            return this;
        }

        /**
         * Whether {@code url} results may be fetched from loopback, private or link-local addresses (an image store
         * inside your network). Default false: only public addresses, and the base URL's own origin (a local
         * emulator), so a hostile or broken server cannot make the client fetch internal services or cloud
         * metadata. Checked for the address actually connected to, on every redirect hop.
         *
         * @param allow true to allow loopback, private and link-local addresses
         * @return this builder
         */
        public Builder allowPrivateNetworkDownloads(boolean allow) {
            this.allowPrivateNetworkDownloads = allow;
            return this;
        }

        /**
         * Netty I/O threads; default: AsyncHttpClient's (2 × cores).
         *
         * @param threads the number of I/O threads, 0 for the default
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            this.ioThreads = requireNotNegative(threads, "ioThreads");
            return this;
        }

        Builder environment(UnaryOperator<String> lookup) {
            this.environment = lookup;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the client with these settings; it takes the API key from the environment when none was set.
         *
         * @return a new client
         */
        public SeedreamClient build() {
            String key = resolveApiKey();
            URI base = URI.create(baseUrl);
            String scheme = String.valueOf(base.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL, got scheme '" + scheme + "'");
            }
            boolean allowHttp = allowHttpDownloads != null ? allowHttpDownloads : scheme.equals("http");
            ClientRuntime runtime = new ClientRuntime(Dsl.asyncHttpClient(httpConfig()), new ClientRuntime.Settings(
                    baseUrl, key, retryPolicy, maxConcurrentRequests, imagesPerMinute, imageBudget, maxLimitWait,
                    callTimeout, new ClientRuntime.DownloadRules(maxImageBytes, maxRedirects, allowHttp,
                            allowPrivateNetworkDownloads), clock));
            return new SeedreamClient(this, runtime);
        }

        private String resolveApiKey() {
            if (apiKey != null && !apiKey.isBlank()) {
                return apiKey.trim();
            }
            for (String variable : API_KEY_VARIABLES) {
                String value = environment.apply(variable);
                if (value != null && !value.isBlank()) {
                    return value.trim();
                }
            }
            throw new IllegalStateException("No Seedream API key: set apiKey(...) or the environment variable "
                    + String.join(" or ", API_KEY_VARIABLES));
        }

        private DefaultAsyncHttpClientConfig.Builder httpConfig() {
            DefaultAsyncHttpClientConfig.Builder config = new DefaultAsyncHttpClientConfig.Builder()
                    .setConnectTimeout(connectTimeout)
                    .setReadTimeout(readTimeout)
                    .setRequestTimeout(requestTimeout)
                    .setUserAgent(userAgent)
                    // Our RetryPolicy is the only retry: AHC's own would repeat POSTs behind our back.
                    .setMaxRequestRetry(0)
                    .setFollowRedirect(false)
                    .setTcpNoDelay(true)
                    .setThreadPoolName("seedream-io");
            if (ioThreads > 0) {
                config.setIoThreadsCount(ioThreads);
            }
            if (proxy != null) {
                config.setProxyServer(proxy);
            }
            if (sslContext != null) {
                config.setSslContext(new JdkSslContext(sslContext, true, ClientAuth.NONE));
            }
            return config;
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.trim();
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
            }
            return value;
        }

        private static int requireNotNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must be >= 0, got " + value);
            }
            return value;
        }
    }
}
