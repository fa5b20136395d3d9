/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.budget.redis.RedisImageBudget;
import dev.seedream.client.ImageBudget;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.lifecycle.OnDisabled;
import org.apache.nifi.annotation.lifecycle.OnEnabled;
import org.apache.nifi.components.AllowableValue;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.components.ValidationContext;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.context.PropertyContext;
import org.apache.nifi.controller.AbstractControllerService;
import org.apache.nifi.controller.ConfigurationContext;
import org.apache.nifi.controller.NodeTypeProvider;
import org.apache.nifi.controller.VerifiableControllerService;
import org.apache.nifi.expression.ExpressionLanguageScope;
import org.apache.nifi.logging.ComponentLog;
import org.apache.nifi.processor.util.StandardValidators;
import org.apache.nifi.ssl.SSLContextProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

@Tags({"seedream", "redis", "rate limit", "budget", "images per minute", "cluster"})
@CapabilityDescription("""
        One images-per-minute budget for every node of a NiFi cluster (and any other client of the account), kept \
        on Redis as a sliding window counted in images, as the provider counts them. A Seedream Connection Service \
        that references this service sends a request only once the shared window has room for its images. When \
        Redis does not answer within the Communication Timeout, each node falls back to its local share of the \
        limit (or fails the calls, as chosen), raises a bulletin, and tries Redis again after the Redis Retry \
        Interval.""")
@SeeAlso({StandardSeedreamConnectionService.class})
public class RedisSeedreamImageBudgetService extends AbstractControllerService
        implements SeedreamImageBudgetService, VerifiableControllerService {

    static final AllowableValue MODE_STANDALONE = new AllowableValue("Standalone", "Standalone",
            "A single Redis server (or a primary behind a virtual address).");
    static final AllowableValue MODE_CLUSTER = new AllowableValue("Cluster", "Cluster",
            "A Redis Cluster: the Connection String names one of its nodes, the others are discovered. The budget's "
                    + "keys are hash-tagged, so each budget lives in one slot.");

    static final PropertyDescriptor REDIS_MODE = new PropertyDescriptor.Builder()
            .name("Redis Mode")
            .description("The type of Redis being communicated with. Sentinel is not supported.")
            .required(true)
            .allowableValues(MODE_STANDALONE, MODE_CLUSTER)
            .defaultValue(MODE_STANDALONE.getValue())
            .build();

    static final PropertyDescriptor CONNECTION_STRING = new PropertyDescriptor.Builder()
            .name("Connection String")
            .description("The Redis server as hostname:port, e.g. redis.example.com:6379; in Cluster mode any one node.")
            .required(true)
            .addValidator(RedisSeedreamImageBudgetService::validateHostPort)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .build();

    static final PropertyDescriptor USERNAME = new PropertyDescriptor.Builder()
            .name("Username")
            .description("The username used to authenticate to Redis (ACL user); the default user when unset. Needs "
                    + "a Password.")
            .required(false)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .build();

    static final PropertyDescriptor PASSWORD = new PropertyDescriptor.Builder()
            .name("Password")
            .description("The password used to authenticate to Redis (see requirepass in redis.conf). It never "
                    + "appears in logs, bulletins, attributes, provenance or Verify results.")
            .required(false)
            .sensitive(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .build();

    static final PropertyDescriptor SSL_CONTEXT_SERVICE = new PropertyDescriptor.Builder()
            .name("SSL Context Service")
            .description("When set, Redis is reached over TLS, trusting this service's trust store (and presenting "
                    + "its key, if it has one); the host name is verified. When unset, communication is not secure.")
            .required(false)
            .identifiesControllerService(SSLContextProvider.class)
            .build();

    static final PropertyDescriptor COMMUNICATION_TIMEOUT = new PropertyDescriptor.Builder()
            .name("Communication Timeout")
            .description("How long a call to Redis may take before the budget falls back. Keep it short: every "
                    + "request waits for Redis's answer before it is sent.")
            .required(true)
            .defaultValue("500 millis")
            .addValidator(StandardValidators.createTimePeriodValidator(1, TimeUnit.MILLISECONDS, 1, TimeUnit.MINUTES))
            .build();

    static final PropertyDescriptor BUDGET_KEY = new PropertyDescriptor.Builder()
            .name("Budget Key")
            .description("Names the budget in Redis: every node and client of one account uses the same key, and "
                    + "each model gets its own window under it. Text without braces.")
            .required(true)
            .defaultValue("seedream")
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .addValidator(StandardValidators.createRegexMatchingValidator(Pattern.compile("[^{}]+")))
            .expressionLanguageSupported(ExpressionLanguageScope.ENVIRONMENT)
            .build();

    static final PropertyDescriptor IMAGES_PER_MINUTE = new PropertyDescriptor.Builder()
            .name("Images Per Minute")
            .description("The whole account's limit per model, all nodes together (the provider's default is 500). "
                    + "A group request reserves its Max Images and gives back what was not generated.")
            .required(true)
            .defaultValue("500")
            .addValidator(StandardValidators.POSITIVE_INTEGER_VALIDATOR)
            .build();

    static final AllowableValue FALLBACK_LOCAL_SHARE = new AllowableValue(RedisImageBudget.Fallback.LOCAL_SHARE.name(),
            "Local Share", "Each node grants from its share, Images Per Minute divided by the number of cluster "
            + "nodes (all of it on a standalone NiFi), counting what it was granted in the current minute: work goes "
            + "on within the account's limit.");
    static final AllowableValue FALLBACK_FAIL = new AllowableValue(RedisImageBudget.Fallback.FAIL.name(), "Fail",
            "Each request fails at once, unsent, as a transient error: its FlowFile goes to retry, penalized.");

    static final PropertyDescriptor FALLBACK = new PropertyDescriptor.Builder()
            .name("Fallback")
            .description("What happens while Redis does not answer within the Communication Timeout.")
            .required(true)
            .allowableValues(FALLBACK_LOCAL_SHARE, FALLBACK_FAIL)
            .defaultValue(FALLBACK_LOCAL_SHARE.getValue())
            .build();

    static final PropertyDescriptor REDIS_RETRY_INTERVAL = new PropertyDescriptor.Builder()
            .name("Redis Retry Interval")
            .description("How long the Fallback lasts before Redis is asked again; once it answers, the node "
                    + "rejoins the shared budget.")
            .required(true)
            .defaultValue("10 secs")
            .addValidator(StandardValidators.createTimePeriodValidator(1, TimeUnit.MILLISECONDS, 1, TimeUnit.HOURS))
            .build();

    private static final List<PropertyDescriptor> PROPERTIES = List.of(REDIS_MODE, CONNECTION_STRING, USERNAME,
            PASSWORD, SSL_CONTEXT_SERVICE, COMMUNICATION_TIMEOUT, BUDGET_KEY, IMAGES_PER_MINUTE, FALLBACK,
            REDIS_RETRY_INTERVAL);

    private static final VerificationStep SETTINGS_STEP = new VerificationStep("Budget Settings");
    private static final VerificationStep REDIS_STEP = new VerificationStep("Reach Redis");

    private volatile RedisImageBudget budget;
    private volatile RedisConnection connection;
    /** The budget's waits already reported through {@link #takeWaits()}. */
    private final AtomicLong reportedWaits = new AtomicLong();

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    protected Collection<ValidationResult> customValidate(ValidationContext context) {
        List<ValidationResult> results = new ArrayList<>();
        if (context.getProperty(USERNAME).isSet() && !context.getProperty(PASSWORD).isSet()) {
            results.add(new ValidationResult.Builder().subject(USERNAME.getName()).valid(false)
                    .explanation("a Username needs a Password").build());
        }
        return results;
    }

    @OnEnabled
    public void onEnabled(ConfigurationContext context) {
        connection = connection(context);
        int nodes = nodes();
        budget = budget(context, connection.budgetBuilder(), nodes).fallbackListener(new BulletinListener(getLogger()))
                .build();
        reportedWaits.set(0);
        getLogger().info("Shared image budget {} enabled; local share while Redis is away: {} of {} images per "
                + "minute ({} node(s))", budget, Math.max(1, limit(context) / nodes), limit(context), nodes);
    }

    @OnDisabled
    public void onDisabled() {
        RedisImageBudget current = budget;
        budget = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public ImageBudget getImageBudget() {
        RedisImageBudget current = budget;
        if (current == null) {
            throw new IllegalStateException("Redis Seedream Image Budget Service is not enabled");
        }
        return current;
    }

    @Override
    public long takeWaits() {
        RedisImageBudget current = budget;
        if (current == null) {
            return 0;
        }
        long waits = current.metrics().waits();
        return Math.max(0, waits - reportedWaits.getAndAccumulate(waits, Math::max));
    }

    @Override
    public List<ConfigVerificationResult> verifyBudget(ComponentLog verificationLogger) {
        RedisConnection current = connection;
        RedisImageBudget enabled = budget;
        if (enabled == null || current == null) {
            return List.of(REDIS_STEP.failed("The Image Budget Service is not enabled"));
        }
        return List.of(logged(verificationLogger, current.ping(enabled, REDIS_STEP)));
    }

    @Override
    public List<ConfigVerificationResult> verify(ConfigurationContext context, ComponentLog verificationLogger,
                                                 Map<String, String> variables) {
        RedisConnection edited;
        RedisImageBudget.Builder probe;
        try {
            edited = connection(context);
            probe = budget(context, edited.probeBuilder(), nodes());
        } catch (RuntimeException e) {
            return List.of(SETTINGS_STEP.failed("Invalid settings: " + e.getMessage()),
                    REDIS_STEP.skipped("The settings are invalid"));
        }
        int nodes = nodes();
        ConfigVerificationResult settings = SETTINGS_STEP.passed("Budget " + context.getProperty(BUDGET_KEY)
                .evaluateAttributeExpressions().getValue() + " of " + limit(context) + " images per minute at "
                + edited.address() + "; local share " + Math.max(1, limit(context) / nodes) + " (" + nodes
                + " node(s)) while Redis is away");
        try (RedisImageBudget probing = probe.build()) {
            return List.of(settings, logged(verificationLogger, edited.ping(probing, REDIS_STEP)));
        }
    }

    /** Nodes sharing the limit while Redis is away; tests override it, NiFi tells it through the NodeTypeProvider. */
    int nodes() {
        return clusterSize(getNodeTypeProvider());
    }

    /**
     * The cluster's members as NiFi lists them when the service is enabled, or 1 on a standalone NiFi. A node that
     * joins later does not change the share until the service is enabled again.
     */
    static int clusterSize(NodeTypeProvider provider) {
        if (provider == null || !provider.isClustered()) {
            return 1;
        }
        try {
            return Math.max(1, provider.getClusterMembers().size());
        } catch (RuntimeException e) { // a provider that does not know the members
            return 1;
        }
    }

    /** The limit over the provider's minute; a test shortens the window to run several of them in seconds. */
    RedisImageBudget.Builder limit(RedisImageBudget.Builder builder, int imagesPerMinute) {
        return builder.imagesPerMinute(imagesPerMinute);
    }

    private RedisImageBudget.Builder budget(PropertyContext context, RedisImageBudget.Builder connected, int nodes) {
        return limit(connected, limit(context))
                .budgetKey(context.getProperty(BUDGET_KEY).evaluateAttributeExpressions().getValue())
                .fallback(RedisImageBudget.Fallback.valueOf(context.getProperty(FALLBACK).getValue()))
                .retryPause(duration(context, REDIS_RETRY_INTERVAL))
                .nodes(nodes);
    }

    private static RedisConnection connection(PropertyContext context) {
        String hostPort = context.getProperty(CONNECTION_STRING).evaluateAttributeExpressions().getValue().trim();
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon).replaceAll("^\\[|]$", "");
        SSLContextProvider tls = context.getProperty(SSL_CONTEXT_SERVICE).isSet()
                ? context.getProperty(SSL_CONTEXT_SERVICE).asControllerService(SSLContextProvider.class) : null;
        return new RedisConnection(host, Integer.parseInt(hostPort.substring(colon + 1)),
                MODE_CLUSTER.getValue().equals(context.getProperty(REDIS_MODE).getValue()),
                context.getProperty(USERNAME).evaluateAttributeExpressions().getValue(),
                context.getProperty(PASSWORD).evaluateAttributeExpressions().getValue(), tls,
                duration(context, COMMUNICATION_TIMEOUT));
    }

    private static ConfigVerificationResult logged(ComponentLog log, ConfigVerificationResult result) {
        log.info("{}: {}", result.getVerificationStepName(), result.getExplanation());
        return result;
    }

    private static int limit(PropertyContext context) {
        return context.getProperty(IMAGES_PER_MINUTE).asInteger();
    }

    private static Duration duration(PropertyContext context, PropertyDescriptor descriptor) {
        return Duration.ofMillis(context.getProperty(descriptor).asTimePeriod(TimeUnit.MILLISECONDS));
    }

    /** hostname:port, one of them; an IPv6 address in brackets. */
    private static ValidationResult validateHostPort(String subject, String value, ValidationContext context) {
        String evaluated = context.newPropertyValue(value).evaluateAttributeExpressions().getValue();
        boolean valid = evaluated != null && evaluated.trim().matches("(\\[[0-9A-Fa-f:.]+]|[^\\s:,\\[\\]]+):\\d{1,5}")
                && Integer.parseInt(evaluated.trim().substring(evaluated.trim().lastIndexOf(':') + 1)) <= 65535;
        return new ValidationResult.Builder().subject(subject).input(value).valid(valid)
                .explanation(valid ? null : "must be one hostname:port, e.g. redis.example.com:6379").build();
    }

    /** The budget's fallback, told to operators: a WARN bulletin when it starts, INFO when Redis is back. */
    private record BulletinListener(ComponentLog log) implements RedisImageBudget.FallbackListener {

        @Override
        public void fallbackEntered(String reason) {
            log.warn("{}", reason);
        }

        @Override
        public void fallbackLeft(String reason) {
            log.info("{}", reason);
        }
    }
}
