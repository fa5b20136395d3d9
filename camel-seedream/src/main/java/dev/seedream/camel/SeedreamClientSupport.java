package dev.seedream.camel;

import java.time.Duration;

import dev.seedream.client.RetryPolicy;
import dev.seedream.client.SeedreamClient;

/** Builds the endpoint's own {@link SeedreamClient} from its options when no client bean is given. */
final class SeedreamClientSupport {

    private SeedreamClientSupport() {
    }

    static SeedreamClient create(SeedreamConfiguration configuration) {
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
        return builder.build();
    }
}
