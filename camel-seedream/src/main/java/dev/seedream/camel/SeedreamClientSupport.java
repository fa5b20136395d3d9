package dev.seedream.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;

/** Builds the endpoint's own {@link SeedreamClient} from its options when no client bean is given. */
final class SeedreamClientSupport {

    private SeedreamClientSupport() {
    }

    /** The options that only shape a client the endpoint builds itself. */
    private static final List<Map.Entry<String, Function<SeedreamConfiguration, Object>>> CLIENT_OPTIONS = List.of(
            Map.entry("apiKey", SeedreamConfiguration::getApiKey),
            Map.entry("baseUrl", SeedreamConfiguration::getBaseUrl),
            Map.entry("connectTimeout", SeedreamConfiguration::getConnectTimeout),
            Map.entry("readTimeout", SeedreamConfiguration::getReadTimeout),
            Map.entry("requestTimeout", SeedreamConfiguration::getRequestTimeout),
            Map.entry("maxConcurrentRequests", SeedreamConfiguration::getMaxConcurrentRequests),
            Map.entry("imagesPerMinute", SeedreamConfiguration::getImagesPerMinute),
            Map.entry("maxLimitWait", SeedreamConfiguration::getMaxLimitWait),
            Map.entry("maxRetries", SeedreamConfiguration::getMaxRetries),
            Map.entry("retryPolicy", SeedreamConfiguration::getRetryPolicy),
            Map.entry("validationMode", SeedreamConfiguration::getValidationMode),
            Map.entry("maxImageBytes", SeedreamConfiguration::getMaxImageBytes),
            Map.entry("allowHttpDownloads", SeedreamConfiguration::getAllowHttpDownloads),
            Map.entry("sslContextParameters", SeedreamConfiguration::getSslContextParameters),
            Map.entry("proxyHost", SeedreamConfiguration::getProxyHost),
            Map.entry("proxyPort", SeedreamConfiguration::getProxyPort),
            Map.entry("proxyAuthUsername", SeedreamConfiguration::getProxyAuthUsername),
            Map.entry("proxyAuthPassword", SeedreamConfiguration::getProxyAuthPassword));

    /**
     * Names of the client options set to something other than their default. An endpoint given a ready client
     * (often autowired) ignores them, which it says, since the user evidently meant them to apply.
     */
    static List<String> clientOptionsSet(SeedreamConfiguration configuration) {
        SeedreamConfiguration defaults = new SeedreamConfiguration();
        return CLIENT_OPTIONS.stream()
                .filter(option -> !Objects.equals(option.getValue().apply(configuration),
                        option.getValue().apply(defaults)))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** @param sslContext the endpoint's TLS settings, or null for the JVM's defaults */
    static SeedreamClient create(SeedreamConfiguration configuration, SSLContext sslContext) {
        SeedreamClient.Builder builder = SeedreamClient.builder()
                .apiKey(configuration.getApiKey()) // null falls back to SEEDREAM_API_KEY / ARK_API_KEY
                .baseUrl(configuration.getBaseUrl())
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .readTimeout(Duration.ofMillis(configuration.getReadTimeout()))
                .requestTimeout(Duration.ofMillis(configuration.getRequestTimeout()))
                .maxConcurrentRequests(configuration.getMaxConcurrentRequests())
                .imagesPerMinute(configuration.getImagesPerMinute())
                .maxLimitWait(Duration.ofMillis(configuration.getMaxLimitWait()))
                .validationMode(configuration.getValidationMode())
                .maxImageBytes(configuration.getMaxImageBytes());
        RetryPolicy retries = configuration.getRetryPolicy() != null
                ? configuration.getRetryPolicy() : RetryPolicy.defaults();
        if (configuration.getMaxRetries() != null) {
            retries = retries.withMaxRetries(configuration.getMaxRetries());
        }
        builder.retryPolicy(retries);
        if (configuration.getAllowHttpDownloads() != null) {
            builder.allowHttpDownloads(configuration.getAllowHttpDownloads());
        }
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        configureProxy(configuration, builder);
        return builder.build();
    }

    private static void configureProxy(SeedreamConfiguration configuration, SeedreamClient.Builder builder) {
        boolean credentials = configuration.getProxyAuthUsername() != null
                || configuration.getProxyAuthPassword() != null;
        if (configuration.getProxyHost() == null) {
            if (configuration.getProxyPort() != null || credentials) {
                throw new IllegalArgumentException("proxyPort and proxyAuthUsername/proxyAuthPassword need proxyHost");
            }
            return;
        }
        if (configuration.getProxyPort() == null) {
            throw new IllegalArgumentException("proxyHost needs proxyPort");
        }
        if (credentials && (configuration.getProxyAuthUsername() == null
                || configuration.getProxyAuthPassword() == null)) {
            throw new IllegalArgumentException("proxyAuthUsername and proxyAuthPassword must be set together");
        }
        builder.proxy(configuration.getProxyHost(), configuration.getProxyPort(),
                configuration.getProxyAuthUsername(), configuration.getProxyAuthPassword());
    }
}
