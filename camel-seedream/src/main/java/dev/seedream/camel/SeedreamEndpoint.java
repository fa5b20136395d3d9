/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.seedream.client.ClientMetrics;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.ImageSink;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.SeedreamClient;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generate and edit images with ByteDance Seedream, one request or a whole batch per exchange.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "seedream", title = "Seedream", syntax = "seedream:operation",
             producerOnly = true, category = { Category.AI }, headersClass = SeedreamConstants.class)
@ManagedResource(description = "Managed SeedreamEndpoint")
public class SeedreamEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SeedreamEndpoint.class);

    @UriPath(description = "The operation: generate (text to image), edit (reference images plus prompt) or batch "
                           + "(many prompts or requests with bounded concurrency)")
    @Metadata(required = true)
    private SeedreamOperation operation;
    @UriParam
    private SeedreamConfiguration configuration;

    private volatile SeedreamClient client; // read by health checks and metric scrapes
    private boolean ownsClient;
    /** The budget of budgetRedisUri, built and closed (after the client) by this endpoint; else null. */
    private ImageBudget ownBudget;
    /** The budget the endpoint's own client draws on, for its counters; null for a given client or its own window. */
    private ImageBudget budgetInUse;
    private ExecutorService completionExecutor;
    private WritableHealthCheckRepository healthChecks;
    private SeedreamHealthCheck healthCheck;

    public SeedreamEndpoint(String uri, SeedreamComponent component, SeedreamOperation operation,
                            SeedreamConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case generate -> new SeedreamGenerateProducer(this);
            case edit -> new SeedreamEditProducer(this);
            case batch -> new SeedreamBatchProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The Seedream component has producers only");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getOutputDirectory() != null) {
            Files.createDirectories(Path.of(configuration.getOutputDirectory()));
        }
        client = configuration.getClient();
        ownsClient = client == null;
        if (ownsClient) {
            createClient();
        } else {
            List<String> ignored = configuration.namesSetApartFromDefaults();
            if (!ignored.isEmpty()) {
                LOG.warn("{} uses the SeedreamClient it was given (or found in the registry); its options {} are"
                        + " ignored: configure them on that client", this, ignored);
            }
        }
        registerHealthCheck();
        // Client threads must not run the rest of a route: its decoder thread would deadlock on a streaming
        // iterator it has to fill itself, and its single scheduler thread would stall every retry. Cached
        // because the number of routing continuations is already bounded by the calls the client admits.
        completionExecutor = getCamelContext().getExecutorServiceManager()
                .newCachedThreadPool(this, "SeedreamCompletion");
    }

    /**
     * Into Camel's producers repository, which exists only with camel-health and is opt-in; not at all when the
     * component's healthCheckProducerEnabled is off, as Camel's own components do.
     */
    private void registerHealthCheck() {
        if (!((SeedreamComponent) getComponent()).isHealthCheckProducerEnabled()) {
            return;
        }
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new SeedreamHealthCheck(this);
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (completionExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(completionExecutor);
            completionExecutor = null;
        }
        if (ownsClient && client != null) {
            client.close();
        }
        closeOwnBudget();
        client = null;
        budgetInUse = null;
        super.doStop();
    }

    private void createClient() throws Exception {
        ownBudget = configuration.createRedisBudget(getCamelContext(), configuration.getImagesPerMinute());
        try {
            client = configuration.createClient(getCamelContext(),
                    ((SeedreamComponent) getComponent()).retrieveGlobalSslContextParameters(), ownBudget);
        } catch (Exception | Error e) {
            closeOwnBudget();
            throw e;
        }
        budgetInUse = ownBudget != null ? ownBudget : configuration.getImageBudget();
        LOG.debug("Created {} for {}{}", client, this, budgetInUse == null ? "" : " on " + budgetInUse);
    }

    private void closeOwnBudget() {
        if (ownBudget != null) {
            ownBudget.close();
            ownBudget = null;
        }
    }

    /** Where a call's images go: files in the output directory, or memory. */
    ImageSink<Object> newSink() {
        String directory = configuration.getOutputDirectory();
        ImageSink<?> sink = directory == null ? ImageSinks.memory()
                : ImageSinks.directory(Path.of(directory), configuration.getOutputFilePrefix());
        return SeedreamResultSupport.widen(sink);
    }

    /** The client in use: the given one, or the endpoint's own while it is started. */
    public SeedreamClient getClient() {
        return client;
    }

    /** The client's counters, zero while the endpoint is stopped. */
    private ClientMetrics clientMetrics() {
        SeedreamClient current = client;
        return current == null ? ClientMetrics.NONE : current.metrics();
    }

    private ImageBudget.Metrics budgetMetrics() {
        return clientMetrics().budget();
    }

    @ManagedAttribute(description = "HTTP requests of the endpoint's client being sent or read now")
    public int getInFlight() {
        return clientMetrics().inFlight();
    }

    @ManagedAttribute(description = "Calls of the endpoint's client waiting for a request slot or image quota")
    public int getWaiting() {
        return clientMetrics().waiting();
    }

    @ManagedAttribute(description = "HTTP attempts the client started, retries included")
    public long getRequestsSent() {
        return clientMetrics().requestsSent();
    }

    @ManagedAttribute(description = "HTTP attempts that were retries")
    public long getRetries() {
        return clientMetrics().retries();
    }

    @ManagedAttribute(description = "Images the provider returned to successful calls (the billed ones)")
    public long getImagesGenerated() {
        return clientMetrics().imagesGenerated();
    }

    @ManagedAttribute(description = "Provider 429 answers plus local limit refusals")
    public long getRateLimited() {
        return clientMetrics().rateLimited();
    }

    @ManagedAttribute(description = "Calls that ended in an exception")
    public long getFailures() {
        return clientMetrics().failures();
    }

    @ManagedAttribute(description = "The images-per-minute budget the endpoint's own client draws on (Redis address"
                                    + " without credentials, key, limit); empty for its own window or a given client")
    public String getBudget() {
        ImageBudget budget = budgetInUse;
        return budget == null ? "" : budget.toString();
    }

    @ManagedAttribute(description = "Images-per-minute budget: grants made by its window (Redis's for a shared"
                                    + " budget, the local share's not included)")
    public long getBudgetGrants() {
        return budgetMetrics().grants();
    }

    @ManagedAttribute(description = "Images-per-minute budget: images granted (Redis's and the local share's)")
    public long getBudgetImagesGranted() {
        return budgetMetrics().imagesGranted();
    }

    @ManagedAttribute(description = "Images-per-minute budget: granted images given back unused (not generated);"
                                    + " granted less given back is what the provider was asked to count")
    public long getBudgetImagesGivenBack() {
        return budgetMetrics().imagesGivenBack();
    }

    @ManagedAttribute(description = "Images-per-minute budget: callers that found the window full and waited")
    public long getBudgetWaits() {
        return budgetMetrics().waits();
    }

    @ManagedAttribute(description = "Shared budget: scripts run on Redis (acquire and give-back); 0 for a local"
                                    + " window")
    public long getBudgetRedisCalls() {
        return budgetMetrics().remoteCalls();
    }

    @ManagedAttribute(description = "Shared budget: grants made by the local fallback while Redis was unreachable")
    public long getBudgetFallbackGrants() {
        return budgetMetrics().fallbackGrants();
    }

    @ManagedAttribute(description = "Shared budget: times it went to its fallback (once per retry pause while Redis"
                                    + " stays away)")
    public long getBudgetFallbacks() {
        return budgetMetrics().fallbacks();
    }

    @ManagedAttribute(description = "Shared budget: whether it is in fallback now (Redis unreachable)")
    public boolean isBudgetFallbackActive() {
        return budgetMetrics().fallbackActive();
    }

    ExecutorService getCompletionExecutor() {
        return completionExecutor;
    }

    public SeedreamOperation getOperation() {
        return operation;
    }

    /** The operation: generate, edit or batch. */
    public void setOperation(SeedreamOperation operation) {
        this.operation = operation;
    }

    public SeedreamConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint options. */
    public void setConfiguration(SeedreamConfiguration configuration) {
        this.configuration = configuration;
    }
}
