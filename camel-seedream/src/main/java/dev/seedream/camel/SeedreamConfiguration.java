package dev.seedream.camel;

import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.ValidationMode;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options of a Seedream endpoint. The component holds one instance as defaults and gives each endpoint a
 * {@link #copy()}. Request options left unset are not sent, so the client's or the provider's default applies;
 * client options are used only when the endpoint builds its own client (no {@link #setClient client} given).
 */
@UriParams
public class SeedreamConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(defaultValue = SeedreamClient.DEFAULT_BASE_URL)
    private String baseUrl = SeedreamClient.DEFAULT_BASE_URL;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SeedreamClient client;

    @UriParam
    private String prompt;
    @UriParam
    private String model;
    @UriParam
    private String size;
    @UriParam
    private Long seed;
    @UriParam
    private Boolean watermark;
    @UriParam(enums = "url,b64_json", defaultValue = "b64_json")
    private String responseFormat = "b64_json";
    @UriParam
    private Integer maxImages;
    @UriParam
    private boolean stream;
    @UriParam(label = "advanced", enums = "png,jpeg")
    private String outputFormat;
    @UriParam(label = "advanced", enums = "standard,fast")
    private String optimizePromptMode;
    @UriParam
    private String outputDirectory;
    @UriParam(label = "advanced", defaultValue = "seedream-")
    private String outputFilePrefix = "seedream-";

    @UriParam(label = "batch", defaultValue = "4")
    private int batchConcurrency = 4;
    @UriParam(label = "batch")
    private boolean failFast;

    @UriParam(label = "advanced", defaultValue = "32")
    private int maxConcurrentRequests = 32;
    @UriParam(label = "advanced", defaultValue = "500")
    private int imagesPerMinute = 500;
    @UriParam(label = "advanced", defaultValue = "1m", javaType = "java.time.Duration")
    private long maxLimitWait = 60_000;
    @UriParam(label = "advanced", defaultValue = "3")
    private Integer maxRetries;
    @UriParam(label = "advanced")
    private RetryPolicy retryPolicy;
    @UriParam(label = "timeout", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "timeout", defaultValue = "5m", javaType = "java.time.Duration")
    private long readTimeout = 300_000;
    @UriParam(label = "timeout", defaultValue = "10m", javaType = "java.time.Duration")
    private long requestTimeout = 600_000;
    @UriParam(label = "advanced", defaultValue = "STRICT")
    private ValidationMode validationMode = ValidationMode.STRICT;
    @UriParam(label = "advanced", defaultValue = "67108864")
    private long maxImageBytes = 64L * 1024 * 1024;
    @UriParam(label = "advanced")
    private Boolean allowHttpDownloads;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthUsername;
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthPassword;

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The Seedream (BytePlus ModelArk / Volcengine Ark) API key. Leave it out to use the environment variable
     * SEEDREAM_API_KEY, else ARK_API_KEY; prefer a property placeholder to a literal key in a route.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** The API base URL; /images/generations is appended. Point it at a local emulator for tests. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SeedreamClient getClient() {
        return client;
    }

    /**
     * A ready SeedreamClient to use instead of building one. Endpoints sharing a client share its connection
     * pool and its limits (maxConcurrentRequests, imagesPerMinute); the client options of this endpoint are then
     * ignored, and the endpoint does not close it.
     */
    public void setClient(SeedreamClient client) {
        this.client = client;
    }

    public String getPrompt() {
        return prompt;
    }

    /** A default prompt, used when neither the CamelSeedreamPrompt header nor a String body gives one. */
    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getModel() {
        return model;
    }

    /** The model or endpoint id; unset, the client's default model (seedream-4-0-250828) is used. */
    public void setModel(String model) {
        this.model = model;
    }

    public String getSize() {
        return size;
    }

    /** Output size: 1K, 2K, 3K, 4K or WIDTHxHEIGHT; unset, the provider's default. */
    public void setSize(String size) {
        this.size = size;
    }

    public Long getSeed() {
        return seed;
    }

    /** Seed from -1 (random) to 2147483647, for repeatable output on models that honour it. */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Boolean getWatermark() {
        return watermark;
    }

    /** Whether the provider adds its visible "AI generated" mark; unset, the provider's default (true). */
    public void setWatermark(Boolean watermark) {
        this.watermark = watermark;
    }

    public String getResponseFormat() {
        return responseFormat;
    }

    /**
     * How the provider returns each image: b64_json (in the response; decoded straight into the message body) or
     * url (a link valid for 24 hours, which the client downloads into the body and also reports in the
     * CamelSeedreamImageUrl header). The default b64_json saves the second download.
     */
    public void setResponseFormat(String responseFormat) {
        this.responseFormat = responseFormat;
    }

    public Integer getMaxImages() {
        return maxImages;
    }

    /**
     * Upper bound of a group of related images, 1 to 15. Setting it switches on sequential (group) generation;
     * the prompt should say how many images it wants. Unset, one image is generated.
     */
    public void setMaxImages(Integer maxImages) {
        this.maxImages = maxImages;
    }

    public boolean isStream() {
        return stream;
    }

    /**
     * Generate and edit only: receive each image of a group as soon as it is ready. The exchange continues when
     * the first image arrives and its body is an Iterator of messages (body a byte array or Path, per-image headers),
     * which blocks for the images still to come: use split(body()).streaming().
     */
    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public String getOutputFormat() {
        return outputFormat;
    }

    /** Output file format png or jpeg (Seedream 5.0 only; 4.x always returns JPEG). */
    public void setOutputFormat(String outputFormat) {
        this.outputFormat = outputFormat;
    }

    public String getOptimizePromptMode() {
        return optimizePromptMode;
    }

    /** Prompt optimisation mode: standard, or fast (Seedream 4.0 only). */
    public void setOptimizePromptMode(String optimizePromptMode) {
        this.optimizePromptMode = optimizePromptMode;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * Write images to files in this directory (created if missing) instead of keeping them in memory; bodies and
     * results then hold java.nio.file.Path values. Use it for large images and large batches.
     */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getOutputFilePrefix() {
        return outputFilePrefix;
    }

    /** File name prefix of images written to the outputDirectory; a random id and the extension follow. */
    public void setOutputFilePrefix(String outputFilePrefix) {
        this.outputFilePrefix = outputFilePrefix;
    }

    public int getBatchConcurrency() {
        return batchConcurrency;
    }

    /**
     * Batch only: the most requests of one batch exchange in flight at once. Further items are read from the body
     * only when a slot frees, so an Iterator body is consumed at the pace of the API.
     */
    public void setBatchConcurrency(int batchConcurrency) {
        this.batchConcurrency = batchConcurrency;
    }

    public boolean isFailFast() {
        return failFast;
    }

    /**
     * Batch only: fail the exchange with the first item's exception and start no further items. By default every
     * item is tried and each result carries its own exception.
     */
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Requests in flight at once across the endpoint's client (0 = unlimited). Further calls wait, without
     * blocking a thread, for at most maxLimitWait.
     */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getImagesPerMinute() {
        return imagesPerMinute;
    }

    /** Images per minute across the endpoint's client (0 = unlimited); the provider's default limit is 500. */
    public void setImagesPerMinute(int imagesPerMinute) {
        this.imagesPerMinute = imagesPerMinute;
    }

    public long getMaxLimitWait() {
        return maxLimitWait;
    }

    /**
     * Longest a call waits for a request slot or image quota before failing with a SeedreamRateLimitException
     * (isLocalLimit() true).
     */
    public void setMaxLimitWait(long maxLimitWait) {
        this.maxLimitWait = maxLimitWait;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retries of retryable failures (429, 5xx, timeouts, connection failures) by the client, with exponential
     * backoff honouring Retry-After; 0 leaves retrying to Camel's redelivery. Overrides the count of a given
     * retryPolicy; unset, the policy's count applies (3 in the default policy).
     */
    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    /**
     * A RetryPolicy bean for full control of the client's retries (backoff delays, overall deadline, whether
     * failures that may follow a billed generation are retried); maxRetries, when set, replaces its count.
     */
    public void setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Timeout to establish a connection. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /** Longest silence while waiting for or reading a response; a group at 4K can take minutes. */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /** Longest time for one HTTP attempt, response body included. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public ValidationMode getValidationMode() {
        return validationMode;
    }

    /**
     * How strictly requests are checked before sending: STRICT checks every documented limit of the model;
     * PROTOCOL_ONLY only the rules that hold for every model (for newer models or custom endpoints).
     */
    public void setValidationMode(ValidationMode validationMode) {
        this.validationMode = validationMode;
    }

    public long getMaxImageBytes() {
        return maxImageBytes;
    }

    /**
     * The largest image accepted, in bytes: a b64_json image decoded from the response as well as one downloaded for
     * responseFormat=url (decompressed bytes count). A larger one fails the call (b64_json) or the image (url).
     */
    public void setMaxImageBytes(long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    public Boolean getAllowHttpDownloads() {
        return allowHttpDownloads;
    }

    /**
     * Whether plain-http image URLs are downloaded; unset, only when the baseUrl itself is plain http (a local
     * emulator). https URLs always are.
     */
    public void setAllowHttpDownloads(Boolean allowHttpDownloads) {
        this.allowHttpDownloads = allowHttpDownloads;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, key store, protocols) for the API and image downloads, e.g. to trust a corporate
     * TLS-inspecting proxy; unset, the component's global SSL context parameters if it is told to use them, else
     * the JVM's defaults.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** An HTTP proxy for all traffic of the endpoint's client (API calls and image downloads); needs proxyPort. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The port of the proxyHost. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    /** User name for the proxy's Basic authentication, sent with every request; needs proxyAuthPassword. */
    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    /** Password for the proxy's Basic authentication. */
    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    /** A shallow copy: endpoints get their own options but share a given client. */
    public SeedreamConfiguration copy() {
        try {
            return (SeedreamConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
