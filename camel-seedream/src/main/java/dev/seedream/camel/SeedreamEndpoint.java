package dev.seedream.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.seedream.client.ImageSink;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.SeedreamClient;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
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
public class SeedreamEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SeedreamEndpoint.class);

    @UriPath(description = "The operation: generate (text to image), edit (reference images plus prompt) or batch "
                           + "(many prompts or requests with bounded concurrency)")
    @Metadata(required = true)
    private SeedreamOperation operation;
    @UriParam
    private SeedreamConfiguration configuration;

    private SeedreamClient client;
    private boolean ownsClient;
    private ExecutorService completionExecutor;

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
            client = configuration.createClient(getCamelContext(),
                    ((SeedreamComponent) getComponent()).retrieveGlobalSslContextParameters());
            LOG.debug("Created {} for {}", client, this);
        } else {
            List<String> ignored = configuration.namesSetApartFromDefaults();
            if (!ignored.isEmpty()) {
                LOG.warn("{} uses the SeedreamClient it was given (or found in the registry); its options {} are"
                        + " ignored: configure them on that client", this, ignored);
            }
        }
        // Client threads must not run the rest of a route: its decoder thread would deadlock on a streaming
        // iterator it has to fill itself, and its single scheduler thread would stall every retry. Cached
        // because the number of routing continuations is already bounded by the calls the client admits.
        completionExecutor = getCamelContext().getExecutorServiceManager()
                .newCachedThreadPool(this, "SeedreamCompletion");
    }

    @Override
    protected void doStop() throws Exception {
        if (completionExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(completionExecutor);
            completionExecutor = null;
        }
        if (ownsClient && client != null) {
            client.close();
        }
        client = null;
        super.doStop();
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
