/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.SeedreamClient;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.lifecycle.OnDisabled;
import org.apache.nifi.annotation.lifecycle.OnEnabled;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationContext;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.context.PropertyContext;
import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.controller.ConfigurationContext;
import org.apache.nifi.controller.VerifiableControllerService;
import org.apache.nifi.expression.ExpressionLanguageScope;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.migration.PropertyConfiguration;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.proxy.ProxyConfiguration;
import org.apache.nifi.proxy.ProxySpec;
import org.apache.nifi.ssl.SSLContextProvider;

import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

@Tags({"seedream", "bytedance", "byteplus", "ark", "image", "ai", "connection"})
@CapabilityDescription("""
        Holds the Seedream API endpoint, API key, model, timeouts, proxy and TLS settings, and owns one shared \
        Seedream client. Every processor that references this service shares its in-flight request limit and its \
        images-per-minute budget, so the provider's account limits are respected across the flow: per node, or \
        across the whole cluster with an Image Budget Service.""")
@SeeAlso({GenerateImageSeedream.class, EditImageSeedream.class, BatchGenerateImagesSeedream.class})
public class StandardSeedreamConnectionService extends AbstractControllerService
        implements SeedreamConnectionService, VerifiableControllerService {

    static final PropertyDescriptor API_BASE_URL = new PropertyDescriptor.Builder()
            .name("API Base URL")
            .description("Base URL of the Seedream (Ark) API; /images/generations is appended. Use "
                    + "https://ark.cn-beijing.volces.com/api/v3 for Volcengine Ark in China.")
            .required(true)
            .defaultValue(SeedreamClient.DEFAULT_BASE_URL)
            .addValidator(StandardValidators.URL_VALIDATOR)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .build();

    static final PropertyDescriptor API_KEY = new PropertyDescriptor.Builder()
            .name("API Key")
            .description("The Ark API key, sent as a bearer token. It is never written to attributes, logs or "
                    + "provenance.")
            .required(true)
            .sensitive(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .build();

    static final PropertyDescriptor MODEL = new PropertyDescriptor.Builder()
            .name("Model")
            .description("Model id or custom endpoint id used for every request, e.g. seedream-4-0-250828 or "
                    + "seedream-4-5-251128. Requests are validated against this model's documented limits.")
            .required(true)
            .defaultValue(SeedreamClient.DEFAULT_MODEL)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .build();

    static final PropertyDescriptor CONNECT_TIMEOUT = timeout("Connect Timeout", "10 secs",
            "Longest time to establish a connection to the API.");
    static final PropertyDescriptor READ_TIMEOUT = timeout("Read Timeout", "5 mins",
            "Longest silence while waiting for or reading a response; a group of 4K images can take minutes.");
    static final PropertyDescriptor REQUEST_TIMEOUT = timeout("Request Timeout", "10 mins",
            "Longest time for one HTTP attempt, response body included.");

    static final PropertyDescriptor MAX_CONCURRENT_REQUESTS = count("Max Concurrent Requests", "32",
            "Requests in flight at once across all processors using this service (0 means unlimited).");
    static final PropertyDescriptor IMAGES_PER_MINUTE = count("Images Per Minute", "500",
            "Images per minute across all processors using this service on this node, counted as the provider does "
                    + "(a group request reserves its Max Images). 0 means unlimited; 500 is the provider's default. "
                    + "Ignored when an Image Budget Service is set: its Images Per Minute, the whole account's limit "
                    + "shared by every node, applies instead.");
    static final PropertyDescriptor MAX_RETRIES = count("Max Retries", "3",
            "Retries of transient failures (429, 5xx, timeouts, connection failures) with exponential backoff "
                    + "that honours Retry-After. Permanent failures are never retried.");

    /** Formerly "Max Limit Wait", too close to the processors' "Max Wait Time" (now Run Timeout), another wait. */
    static final PropertyDescriptor RATE_LIMIT_WAIT_TIMEOUT = timeout("Rate Limit Wait Timeout", "1 min",
            "Longest a request waits for a free slot under Max Concurrent Requests or for image quota under Images "
                    + "Per Minute before it fails as rate limited; the processor then yields and leaves the FlowFile "
                    + "queued. A provider Retry-After longer than this ends the request at once too.");
    private static final String OLD_RATE_LIMIT_WAIT_TIMEOUT = "Max Limit Wait";

    static final PropertyDescriptor QUOTA_EXHAUSTED_PAUSE = timeout("Quota Exhausted Pause", "5 mins",
            "How long processors pause, leaving FlowFiles queued, after the provider answers QuotaExceeded or "
                    + "SetLimitExceeded: the account's quota or spend limit is used up and only an operator can raise"
                    + " it, so the client does not retry and each pause ends with one new try.");

    static final PropertyDescriptor SSL_CONTEXT_SERVICE = new PropertyDescriptor.Builder()
            .name("SSL Context Service")
            .description("Trust store and client certificate for TLS; the JVM's default trust store when unset. "
                    + "Certificate verification always stays on.")
            .required(false)
            .identifiesControllerService(SSLContextProvider.class)
            .build();

    static final PropertyDescriptor IMAGE_BUDGET_SERVICE = new PropertyDescriptor.Builder()
            .name("Image Budget Service")
            .description("A budget shared by every node of the cluster (e.g. RedisSeedreamImageBudgetService). When "
                    + "set, requests take their images from it instead of this service's Images Per Minute, which is "
                    + "then ignored; Max Concurrent Requests still applies per node. Verify checks the budget too.")
            .required(false)
            .identifiesControllerService(SeedreamImageBudgetService.class)
            .build();

    private static final ProxySpec[] PROXY_SPECS = {ProxySpec.HTTP, ProxySpec.HTTP_AUTH};

    /** NiFi's own proxy property: named "proxy-configuration-service" up to NiFi 2.3, "Proxy Configuration Service" later. */
    static final PropertyDescriptor PROXY_CONFIGURATION_SERVICE =
            ProxyConfiguration.createProxyConfigPropertyDescriptor(PROXY_SPECS);
    private static final List<String> PROXY_PROPERTY_NAMES =
            List.of("proxy-configuration-service", "Proxy Configuration Service");

    private static final List<PropertyDescriptor> PROPERTIES = List.of(API_BASE_URL, API_KEY, MODEL,
            CONNECT_TIMEOUT, READ_TIMEOUT, REQUEST_TIMEOUT, MAX_CONCURRENT_REQUESTS, IMAGES_PER_MINUTE,
            IMAGE_BUDGET_SERVICE, MAX_RETRIES, RATE_LIMIT_WAIT_TIMEOUT, QUOTA_EXHAUSTED_PAUSE, SSL_CONTEXT_SERVICE, PROXY_CONFIGURATION_SERVICE);

    private static final VerificationStep BUILD_CLIENT_STEP = new VerificationStep("Build Client");

    private volatile SeedreamClient client;
    private volatile Duration quotaExhaustedPause;
    private volatile SeedreamImageBudgetService budgetService;

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    /**
     * A flow saved by another NiFi 2.x names the proxy property as that version did: take it under this one's name.
     * A flow saved before the rename keeps its rate limit wait.
     */
    @Override
    public void migrateProperties(PropertyConfiguration config) {
        String current = PROXY_CONFIGURATION_SERVICE.getName();
        PROXY_PROPERTY_NAMES.stream().filter(name -> !name.equals(current))
                .forEach(name -> config.renameProperty(name, current));
        config.renameProperty(OLD_RATE_LIMIT_WAIT_TIMEOUT, RATE_LIMIT_WAIT_TIMEOUT.getName());
    }

    @Override
    protected Collection<ValidationResult> customValidate(ValidationContext context) {
        List<ValidationResult> results = new ArrayList<>();
        ProxyConfiguration.validateProxySpec(context, results, PROXY_SPECS);
        return results;
    }

    @OnEnabled
    public void onEnabled(ConfigurationContext context) {
        quotaExhaustedPause = duration(context, QUOTA_EXHAUSTED_PAUSE); // before the client: it marks "enabled"
        budgetService = budgetService(context);
        SeedreamClient.Builder builder = configure(context);
        if (budgetService != null) {
            builder.imageBudget(budgetService.getImageBudget());
        } else {
            builder.imagesPerMinute(context.getProperty(IMAGES_PER_MINUTE).asInteger());
        }
        client = builder.build();
    }

    @OnDisabled
    public void onDisabled() {
        SeedreamClient current = client;
        client = null;
        budgetService = null;
        if (current != null) {
            current.close(); // not the budget: its service owns it
        }
    }

    @Override
    public SeedreamClient getClient() {
        SeedreamClient current = client;
        if (current == null) {
            throw new IllegalStateException("Seedream Connection Service is not enabled");
        }
        return current;
    }

    @Override
    public Duration getQuotaExhaustedPause() {
        getClient(); // fails the same way when the service is not enabled
        return quotaExhaustedPause;
    }

    @Override
    public long takeBudgetWaits() {
        SeedreamImageBudgetService current = budgetService;
        return current == null ? 0 : current.takeWaits();
    }

    @Override
    public String getTransitUri() {
        return getClient().baseUrl().replaceAll("/+$", "") + "/images/generations";
    }

    @Override
    public List<ConfigVerificationResult> verify(ConfigurationContext context, ComponentLog verificationLogger,
                                                 Map<String, String> variables) {
        List<ConfigVerificationResult> results = new ArrayList<>();
        SeedreamClient probeClient;
        try {
            // A separate client: verification must test the configuration being edited, not the enabled one.
            probeClient = configure(context).build();
        } catch (RuntimeException e) {
            results.add(BUILD_CLIENT_STEP.failed("Invalid client configuration: " + e.getMessage()));
            results.add(ConnectionProbe.STEP.skipped("The client could not be built"));
            return results;
        }
        try (probeClient) {
            results.add(BUILD_CLIENT_STEP.passed("Client configured for " + probeClient.baseUrl() + " with model "
                    + probeClient.defaultModel()));
            ConfigVerificationResult probe = ConnectionProbe.run(probeClient);
            verificationLogger.info("{}: {}", probe.getVerificationStepName(), probe.getExplanation());
            results.add(probe);
        }
        SeedreamImageBudgetService budget = budgetService(context);
        if (budget != null) {
            results.addAll(budget.verifyBudget(verificationLogger));
        }
        return results;
    }

    private static SeedreamImageBudgetService budgetService(PropertyContext context) {
        return context.getProperty(IMAGE_BUDGET_SERVICE).isSet()
                ? context.getProperty(IMAGE_BUDGET_SERVICE).asControllerService(SeedreamImageBudgetService.class)
                : null;
    }

    private SeedreamClient.Builder configure(PropertyContext context) {
        SeedreamClient.Builder builder = SeedreamClient.builder()
                .baseUrl(context.getProperty(API_BASE_URL).evaluateAttributeExpressions().getValue())
                .apiKey(context.getProperty(API_KEY).getValue())
                .defaultModel(context.getProperty(MODEL).getValue())
                .connectTimeout(duration(context, CONNECT_TIMEOUT))
                .readTimeout(duration(context, READ_TIMEOUT))
                .requestTimeout(duration(context, REQUEST_TIMEOUT))
                .maxLimitWait(duration(context, RATE_LIMIT_WAIT_TIMEOUT))
                .maxConcurrentRequests(context.getProperty(MAX_CONCURRENT_REQUESTS).asInteger())
                .maxRetries(context.getProperty(MAX_RETRIES).asInteger());
        if (context.getProperty(SSL_CONTEXT_SERVICE).isSet()) {
            builder.sslContext(context.getProperty(SSL_CONTEXT_SERVICE)
                    .asControllerService(SSLContextProvider.class).createContext());
        }
        ProxyConfiguration proxy = ProxyConfiguration.getConfiguration(context);
        if (proxy.getProxyType() == Proxy.Type.HTTP) {
            // NiFi's proxy service allows a user without a password: Basic authentication with an empty one.
            String user = proxy.getProxyUserName();
            builder.proxy(proxy.getProxyServerHost(), proxy.getProxyServerPort(), user,
                    user == null ? null : Objects.requireNonNullElse(proxy.getProxyUserPassword(), ""));
        }
        return builder;
    }

    private static Duration duration(PropertyContext context, PropertyDescriptor descriptor) {
        return Duration.ofMillis(context.getProperty(descriptor).asTimePeriod(TimeUnit.MILLISECONDS));
    }

    private static PropertyDescriptor timeout(String name, String defaultValue, String description) {
        return new PropertyDescriptor.Builder().name(name).description(description).required(true)
                .defaultValue(defaultValue).addValidator(StandardValidators.createTimePeriodValidator(
                        1, TimeUnit.MILLISECONDS, Long.MAX_VALUE, TimeUnit.MILLISECONDS)).build();
    }

    private static PropertyDescriptor count(String name, String defaultValue, String description) {
        return new PropertyDescriptor.Builder().name(name).description(description).required(true)
                .defaultValue(defaultValue).addValidator(StandardValidators.NON_NEGATIVE_INTEGER_VALIDATOR).build();
    }
}
