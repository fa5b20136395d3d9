/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.seedream.camel.SeedreamConfiguration;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.ValidationMode;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Every option of the {@code seedream} component as a Spring Boot property, {@code camel.component.seedream.*}:
 * names, types, defaults and descriptions are those of the component's catalog (a test compares the two). Options
 * whose catalog type is a wrapper ({@code Integer}, {@code Boolean}) have no default here: unset, the component's
 * own "not set" applies (for example maxRetries then keeps a retryPolicy's count). Durations take Spring's forms
 * ({@code 500ms}, {@code 10s}, {@code 5m}); object options take a bean reference ({@code #myClient}).
 */
@ConfigurationProperties(prefix = "camel.component.seedream")
public class SeedreamComponentConfiguration extends ComponentConfigurationPropertiesCommon implements Validator {

    /**
     * The allowed values of the options typed String with an enum in the catalog: Spring checks real enums itself,
     * these the binding checks in {@link #validate}, so a wrong value stops the start naming the property.
     */
    static final Map<String, List<String>> ENUM_OPTIONS = Map.of(
            "responseFormat", List.of("url", "b64_json"),
            "outputFormat", List.of("png", "jpeg"),
            "optimizePromptMode", List.of("standard", "fast"),
            "budgetFallback", List.of("LOCAL_SHARE", "FAIL"));

    /**
     * The API base URL; /images/generations is appended. Point it at a local emulator for tests.
     */
    private String baseUrl = "https://ark.ap-southeast.bytepluses.com/api/v3";

    /**
     * Component-level defaults of the endpoint options
     */
    private SeedreamConfiguration configuration;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
     * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
     * be handled during routing messages via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time and prolong the total processing
     * time of the processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Upper bound of a group of related images, 1 to 15. Setting it switches on sequential (group) generation; the
     * prompt should say how many images it wants. Unset, one image is generated.
     */
    private Integer maxImages;

    /**
     * The model or endpoint id; unset, the client's default model (seedream-4-0-250828) is used.
     */
    private String model;

    /**
     * Write images to files in this directory (created if missing) instead of keeping them in memory; bodies and
     * results then hold java.nio.file.Path values. Use it for large images and large batches.
     */
    private String outputDirectory;

    /**
     * A default prompt, used when neither the CamelSeedreamPrompt header nor a String body gives one.
     */
    private String prompt;

    /**
     * How the provider returns each image: b64_json (in the response; decoded straight into the message body) or
     * url (a link valid for 24 hours, which the client downloads into the body and also reports in the
     * CamelSeedreamImageUrl header). The default b64_json saves the second download.
     */
    private String responseFormat = "b64_json";

    /**
     * Seed from -1 (random) to 2147483647, for repeatable output on models that honour it.
     */
    private Long seed;

    /**
     * Output size: 1K, 2K, 3K, 4K or WIDTHxHEIGHT; unset, the provider's default.
     */
    private String size;

    /**
     * Generate and edit only: receive each image of a group as soon as it is ready. The exchange continues when the
     * first image arrives and its body is an Iterator of messages (body a byte array or Path, per-image headers),
     * which blocks for the images still to come: use split(body()).streaming().
     */
    private Boolean stream = false;

    /**
     * Whether the provider adds its visible AI generated mark; unset, the provider's default (true).
     */
    private Boolean watermark;

    /**
     * Whether plain-http image URLs are downloaded; unset, only when the baseUrl itself is plain http (a local
     * emulator). https URLs always are.
     */
    private Boolean allowHttpDownloads;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS
     * connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * A ready SeedreamClient to use instead of building one. Endpoints sharing a client share its connection pool
     * and its limits (maxConcurrentRequests, imagesPerMinute); the client options of this endpoint are then
     * ignored, and the endpoint does not close it.
     */
    private SeedreamClient client;

    /**
     * Where the images-per-minute budget is kept instead of the client's own window: an ImageBudget bean, e.g. a
     * RedisImageBudget shared by several pods, or one budget for several endpoints of this JVM. A single
     * ImageBudget in the registry is used without naming it. It replaces imagesPerMinute; the endpoint does not
     * close it. For the common Redis case set budgetRedisUri instead.
     */
    private ImageBudget imageBudget;

    /**
     * Images per minute across the endpoint's client (0 = unlimited); the provider's default limit is 500. With
     * budgetRedisUri it means something else: the whole account's limit, shared by every pod and endpoint on the
     * same budgetKey (so set it to the account's limit, not a pod's share); with an imageBudget bean it is not
     * used.
     */
    private Integer imagesPerMinute = 500;

    /**
     * Requests in flight at once across the endpoint's client (0 = unlimited). Further calls wait, without blocking
     * a thread, for at most maxLimitWait.
     */
    private Integer maxConcurrentRequests = 32;

    /**
     * The largest image accepted, in bytes: a b64_json image decoded from the response as well as one downloaded
     * for responseFormat=url (decompressed bytes count). A larger one fails the call (b64_json) or the image (url).
     */
    private Long maxImageBytes = 67108864L;

    /**
     * Longest a call waits for limits, all its attempts together: for a request slot and image quota before each
     * attempt, and in the backoff after a provider 429. Then it fails with a SeedreamRateLimitException (isLocalLimit()
     * true when our limiter refused, no request sent; else the provider's 429).
     */
    private Duration maxLimitWait = Duration.ofMinutes(1);

    /**
     * Retries of retryable failures (429, 5xx, timeouts, connection failures) by the client, with exponential
     * backoff honouring Retry-After; 0 leaves retrying to Camel's redelivery. Overrides the count of a given
     * retryPolicy; unset, the policy's count applies (3 in the default policy).
     */
    private Integer maxRetries;

    /**
     * Prompt optimisation mode: standard, or fast (Seedream 4.0 only).
     */
    private String optimizePromptMode;

    /**
     * File name prefix of images written to the outputDirectory; a random id and the extension follow.
     */
    private String outputFilePrefix = "seedream-";

    /**
     * Output file format png or jpeg (Seedream 5.0 only; 4.x always returns JPEG).
     */
    private String outputFormat;

    /**
     * A RetryPolicy bean for full control of the client's retries (backoff delays, whether failures that may follow
     * a billed generation are retried); maxRetries, when set, replaces its count. callTimeout bounds them all.
     */
    private RetryPolicy retryPolicy;

    /**
     * How strictly requests are checked before sending: STRICT checks every documented limit of the model;
     * PROTOCOL_ONLY only the rules that hold for every model (for newer models or custom endpoints).
     */
    private ValidationMode validationMode = ValidationMode.STRICT;

    /**
     * Batch only: the most requests of one batch exchange in flight at once. Further items are read from the body
     * only when a slot frees, so an Iterator body is consumed at the pace of the API.
     */
    private Integer batchConcurrency = 4;

    /**
     * Batch only: fail the exchange with the first item's exception and start no further items. By default every
     * item is tried and each result carries its own exception.
     */
    private Boolean failFast = false;

    /**
     * What happens while Redis does not answer within budgetTimeout: LOCAL_SHARE grants from the pod's share,
     * imagesPerMinute / budgetNodes, counting what the pod was granted in the current minute; FAIL fails each call
     * with SeedreamBudgetUnavailableException (no request sent; the client does not retry it). Redis is asked again
     * after budgetRetryPause and rejoined.
     */
    private String budgetFallback = "LOCAL_SHARE";

    /**
     * Names the shared budget on Redis: every pod and endpoint drawing on one account's limit uses the same key
     * (each model gets its own window). No braces.
     */
    private String budgetKey = "seedream";

    /**
     * Pods sharing the budget, for the local share while Redis cannot be reached (budgetFallback=LOCAL_SHARE): each
     * pod then grants at most imagesPerMinute / budgetNodes. Camel cannot see the pod count: set the Deployment's
     * replicas.
     */
    private Integer budgetNodes = 1;

    /**
     * Whether budgetRedisUri names one node of a Redis Cluster (the others are discovered; the budget's keys are
     * hash-tagged, so each budget lives in one slot).
     */
    private Boolean budgetRedisCluster = false;

    /**
     * How long the shared budget stays in its fallback before it asks Redis again; once Redis answers, it rejoins.
     */
    private Duration budgetRetryPause = Duration.ofSeconds(10);

    /**
     * How long a Redis call of the shared budget may take before the budget falls back (see budgetFallback).
     */
    private Duration budgetTimeout = Duration.ofMillis(500);

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * An HTTP proxy for all traffic of the endpoint's client (API calls and image downloads); needs proxyPort.
     */
    private String proxyHost;

    /**
     * The port of the proxyHost.
     */
    private Integer proxyPort;

    /**
     * The Seedream (BytePlus ModelArk / Volcengine Ark) API key. Leave it out to use the environment variable
     * SEEDREAM_API_KEY, else ARK_API_KEY; prefer a property placeholder to a literal key in a route.
     */
    private String apiKey;

    /**
     * Share one images-per-minute budget with every pod of the account through this Redis, a URI such as
     * redis://host:6379/0 (port 6379 and database 0 by default; a user and password go before the host, as in any
     * URI), or rediss:// for TLS. imagesPerMinute is then the whole account's limit. Needs
     * dev.seedream:seedream-budget-redis on the class path. The endpoint builds the budget and closes it with its
     * client. Prefer a property placeholder to a literal password.
     */
    private String budgetRedisUri;

    /**
     * Password for the proxy's Basic authentication.
     */
    private String proxyAuthPassword;

    /**
     * User name for the proxy's Basic authentication, sent with every request; needs proxyAuthPassword.
     */
    private String proxyAuthUsername;

    /**
     * TLS settings (trust store, key store, protocols) for the API and image downloads, e.g. to trust a corporate
     * TLS-inspecting proxy; unset, the component's global SSL context parameters if it is told to use them, else
     * the JVM's defaults.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the CamelContext's global SSL context parameters for endpoints that set no sslContextParameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * Timeout to establish a connection.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Longest silence while waiting for or reading a response; a group at 4K can take minutes.
     */
    private Duration readTimeout = Duration.ofMinutes(5);

    /**
     * Longest time for one HTTP attempt, response body included.
     */
    private Duration requestTimeout = Duration.ofMinutes(10);

    /**
     * Longest a whole call may take, its waits for limits, every attempt and the backoff between them together;
     * then it fails with a SeedreamTimeoutException, and an attempt still open is aborted (the provider may have
     * billed its images). No attempt starts after it.
     */
    private Duration callTimeout = Duration.ofMinutes(10);


    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SeedreamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SeedreamConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxImages() {
        return maxImages;
    }

    public void setMaxImages(Integer maxImages) {
        this.maxImages = maxImages;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(String responseFormat) {
        this.responseFormat = responseFormat;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public Boolean getStream() {
        return stream;
    }

    public void setStream(Boolean stream) {
        this.stream = stream;
    }

    public Boolean getWatermark() {
        return watermark;
    }

    public void setWatermark(Boolean watermark) {
        this.watermark = watermark;
    }

    public Boolean getAllowHttpDownloads() {
        return allowHttpDownloads;
    }

    public void setAllowHttpDownloads(Boolean allowHttpDownloads) {
        this.allowHttpDownloads = allowHttpDownloads;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public SeedreamClient getClient() {
        return client;
    }

    public void setClient(SeedreamClient client) {
        this.client = client;
    }

    public ImageBudget getImageBudget() {
        return imageBudget;
    }

    public void setImageBudget(ImageBudget imageBudget) {
        this.imageBudget = imageBudget;
    }

    public Integer getImagesPerMinute() {
        return imagesPerMinute;
    }

    public void setImagesPerMinute(Integer imagesPerMinute) {
        this.imagesPerMinute = imagesPerMinute;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Long getMaxImageBytes() {
        return maxImageBytes;
    }

    public void setMaxImageBytes(Long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    public Duration getMaxLimitWait() {
        return maxLimitWait;
    }

    public void setMaxLimitWait(Duration maxLimitWait) {
        this.maxLimitWait = maxLimitWait;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getOptimizePromptMode() {
        return optimizePromptMode;
    }

    public void setOptimizePromptMode(String optimizePromptMode) {
        this.optimizePromptMode = optimizePromptMode;
    }

    public String getOutputFilePrefix() {
        return outputFilePrefix;
    }

    public void setOutputFilePrefix(String outputFilePrefix) {
        this.outputFilePrefix = outputFilePrefix;
    }

    public String getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(String outputFormat) {
        this.outputFormat = outputFormat;
    }

    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    public void setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    public ValidationMode getValidationMode() {
        return validationMode;
    }

    public void setValidationMode(ValidationMode validationMode) {
        this.validationMode = validationMode;
    }

    public Integer getBatchConcurrency() {
        return batchConcurrency;
    }

    public void setBatchConcurrency(Integer batchConcurrency) {
        this.batchConcurrency = batchConcurrency;
    }

    public Boolean getFailFast() {
        return failFast;
    }

    public void setFailFast(Boolean failFast) {
        this.failFast = failFast;
    }

    public String getBudgetFallback() {
        return budgetFallback;
    }

    public void setBudgetFallback(String budgetFallback) {
        this.budgetFallback = budgetFallback;
    }

    public String getBudgetKey() {
        return budgetKey;
    }

    public void setBudgetKey(String budgetKey) {
        this.budgetKey = budgetKey;
    }

    public Integer getBudgetNodes() {
        return budgetNodes;
    }

    public void setBudgetNodes(Integer budgetNodes) {
        this.budgetNodes = budgetNodes;
    }

    public Boolean getBudgetRedisCluster() {
        return budgetRedisCluster;
    }

    public void setBudgetRedisCluster(Boolean budgetRedisCluster) {
        this.budgetRedisCluster = budgetRedisCluster;
    }

    public Duration getBudgetRetryPause() {
        return budgetRetryPause;
    }

    public void setBudgetRetryPause(Duration budgetRetryPause) {
        this.budgetRetryPause = budgetRetryPause;
    }

    public Duration getBudgetTimeout() {
        return budgetTimeout;
    }

    public void setBudgetTimeout(Duration budgetTimeout) {
        this.budgetTimeout = budgetTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBudgetRedisUri() {
        return budgetRedisUri;
    }

    public void setBudgetRedisUri(String budgetRedisUri) {
        this.budgetRedisUri = budgetRedisUri;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    @Override
    public boolean supports(Class<?> type) {
        return SeedreamComponentConfiguration.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BeanWrapper options = new BeanWrapperImpl(target);
        ENUM_OPTIONS.forEach((option, allowed) -> {
            Object value = options.getPropertyValue(option);
            if (value != null && allowed.stream().noneMatch(value.toString().trim()::equalsIgnoreCase)) {
                errors.rejectValue(option, "seedream.enum", "must be one of " + String.join(", ", allowed));
            }
        });
    }
}
