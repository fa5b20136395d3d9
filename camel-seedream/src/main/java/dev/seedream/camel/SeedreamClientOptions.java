/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.ValidationMode;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options that shape the client an endpoint builds for itself when it is given none: declared once here, they
 * are the URI options, the names an endpoint reports when a given client makes them ineffective, and the client's
 * settings. {@link SeedreamConfiguration} extends this class rather than holding it in a field, since the Camel
 * plugin generates setter calls for one level of nested configuration only, and so the options stay flat.
 */
@UriParams
public class SeedreamClientOptions extends SeedreamBudgetOptions {

    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(defaultValue = SeedreamClient.DEFAULT_BASE_URL)
    private String baseUrl = SeedreamClient.DEFAULT_BASE_URL;

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
    @UriParam(label = "timeout", defaultValue = "10m", javaType = "java.time.Duration")
    private long callTimeout = 600_000;

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

    /**
     * Images per minute across the endpoint's client (0 = unlimited); the provider's default limit is 500. With
     * budgetRedisUri it means something else: the whole account's limit, shared by every pod and endpoint on the same
     * budgetKey (so set it to the account's limit, not a pod's share); with an imageBudget bean it is not used.
     */
    public void setImagesPerMinute(int imagesPerMinute) {
        this.imagesPerMinute = imagesPerMinute;
    }

    public long getMaxLimitWait() {
        return maxLimitWait;
    }

    /**
     * Longest a call waits for limits, all its attempts together: for a request slot and image quota before each
     * attempt, and in the backoff after a provider 429. Then it fails with a SeedreamRateLimitException (isLocalLimit()
     * true when our limiter refused, no request sent; else the provider's 429).
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
     * A RetryPolicy bean for full control of the client's retries (backoff delays, whether failures that may follow
     * a billed generation are retried); maxRetries, when set, replaces its count. callTimeout bounds them all.
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

    public long getCallTimeout() {
        return callTimeout;
    }

    /**
     * Longest a whole call may take, its waits for limits, every attempt and the backoff between them together;
     * then it fails with a SeedreamTimeoutException, and an attempt still open is aborted (the provider may have
     * billed its images). No attempt starts after it.
     */
    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
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

    /**
     * Names of the options set to something other than their default, found by comparing with a fresh instance. An
     * endpoint given a ready client (often autowired) ignores them, which it says, since the user evidently meant
     * them to apply.
     */
    List<String> namesSetApartFromDefaults() {
        SeedreamClientOptions defaults = new SeedreamClientOptions();
        List<String> names = new ArrayList<>();
        for (Class<?> options : List.of(SeedreamClientOptions.class, SeedreamBudgetOptions.class)) {
            for (Field field : options.getDeclaredFields()) {
                if (field.isAnnotationPresent(UriParam.class)
                        && !Objects.equals(valueOf(field), defaults.valueOf(field))) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    private Object valueOf(Field field) {
        try {
            field.setAccessible(true); // the budget options are private fields of the superclass
            return field.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A class can read the fields of its own module", e);
        }
    }

    /**
     * A client with these settings, its own to close.
     *
     * @param globalTls   the CamelContext's SSL context parameters when the component is told to use them, else null;
     *                    used when {@code sslContextParameters} is unset (then without either, the JVM's defaults)
     * @param redisBudget the budget of {@link #createRedisBudget}, or null; else the imageBudget bean, if any, else
     *                    the client's own window of imagesPerMinute
     */
    SeedreamClient createClient(CamelContext context, SSLContextParameters globalTls, ImageBudget redisBudget)
            throws Exception {
        RetryPolicy retries = retryPolicy != null ? retryPolicy : RetryPolicy.defaults();
        SeedreamClient.Builder builder = SeedreamClient.builder()
                .apiKey(apiKey) // null falls back to SEEDREAM_API_KEY / ARK_API_KEY
                .baseUrl(baseUrl)
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .readTimeout(Duration.ofMillis(readTimeout))
                .requestTimeout(Duration.ofMillis(requestTimeout))
                .callTimeout(Duration.ofMillis(callTimeout))
                .maxConcurrentRequests(maxConcurrentRequests)
                .imagesPerMinute(imagesPerMinute)
                .maxLimitWait(Duration.ofMillis(maxLimitWait))
                .retryPolicy(maxRetries == null ? retries : retries.withMaxRetries(maxRetries))
                .validationMode(validationMode)
                .maxImageBytes(maxImageBytes);
        ImageBudget budget = redisBudget != null ? redisBudget : getImageBudget();
        if (budget != null) {
            builder.imageBudget(budget);
        }
        if (allowHttpDownloads != null) {
            builder.allowHttpDownloads(allowHttpDownloads);
        }
        SSLContextParameters tls = sslContextParameters != null ? sslContextParameters : globalTls;
        if (tls != null) {
            builder.sslContext(tls.createSSLContext(context));
        }
        if (proxyHost != null || proxyPort != null || proxyAuthUsername != null || proxyAuthPassword != null) {
            // The builder checks the setting (to it an unset port is 0, out of range); the message names our options.
            try {
                builder.proxy(proxyHost, proxyPort == null ? 0 : proxyPort, proxyAuthUsername, proxyAuthPassword);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid proxy options (proxyHost, proxyPort, proxyAuthUsername, "
                        + "proxyAuthPassword): " + e.getMessage(), e);
            }
        }
        return builder.build();
    }
}
