package dev.seedream.camel;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;

/** Builds the endpoint's own {@link SeedreamClient} from its options when no client bean is given. */
final class SeedreamClientSupport {

    private SeedreamClientSupport() {
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
                .maxDownloadBytes(configuration.getMaxDownloadBytes());
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
