package dev.seedream.camel;

import java.util.Iterator;
import java.util.List;

import dev.seedream.client.ImageRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code seedream:batch}: the body holds many prompts or requests; the result body is a
 * {@code List<SeedreamBatchResult>} in input order, one per input, each with its images or its own error. Headers
 * and options apply to every prompt item; request items are sent as they are. Streaming is not used in a batch.
 */
public class SeedreamBatchProducer extends DefaultAsyncProducer {

    public SeedreamBatchProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SeedreamEndpoint getEndpoint() {
        return (SeedreamEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SeedreamEndpoint endpoint = getEndpoint();
        SeedreamConfiguration config = endpoint.getConfiguration();
        Iterator<?> items;
        try {
            items = SeedreamBatchInput.items(exchange.getIn());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Message in = exchange.getIn();
        new SeedreamBatchRunner(endpoint.getClient(), items, item -> toRequest(in, config, item), endpoint::newSink,
                config.getBatchConcurrency(), config.isFailFast())
                .run()
                .whenComplete((results, failure) -> SeedreamAsyncSupport.completeLater(
                        endpoint.getCompletionExecutor(), exchange, callback,
                        () -> writeResults(exchange.getMessage(), results), failure));
        return false;
    }

    private static ImageRequest toRequest(Message in, SeedreamConfiguration config, Object item) {
        if (item instanceof ImageRequest request) {
            return request;
        }
        if (item instanceof String prompt) {
            return SeedreamRequestSupport.baseRequest(in, config).stream(false).prompt(prompt).build();
        }
        throw new IllegalArgumentException("A seedream:batch item must be a prompt (String) or an ImageRequest, got "
                + (item == null ? "null" : item.getClass().getName()));
    }

    private static void writeResults(Message out, List<SeedreamBatchResult> results) {
        int succeeded = (int) results.stream().filter(SeedreamBatchResult::isSuccess).count();
        out.setBody(results);
        out.setHeader(SeedreamConstants.IMAGE_COUNT, results.stream().mapToInt(r -> r.images().size()).sum());
        out.setHeader(SeedreamConstants.BATCH_SUCCEEDED, succeeded);
        out.setHeader(SeedreamConstants.BATCH_FAILED, results.size() - succeeded);
    }
}
