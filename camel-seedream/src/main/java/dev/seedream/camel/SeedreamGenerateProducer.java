package dev.seedream.camel;

import dev.seedream.client.ImageRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code seedream:generate}: the body is the prompt (or a ready {@link ImageRequest}, sent as it is); the
 * {@link SeedreamConstants#REFERENCE_IMAGES} header adds reference images to the prompt.
 */
public class SeedreamGenerateProducer extends SeedreamImageProducer {

    public SeedreamGenerateProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected ImageRequest createRequest(Exchange exchange) {
        Message in = exchange.getIn();
        if (in.getBody() instanceof ImageRequest request) {
            return request;
        }
        SeedreamConfiguration config = getEndpoint().getConfiguration();
        ImageRequest.Builder builder = SeedreamRequestSupport.baseRequest(in, config)
                .prompt(SeedreamRequestSupport.prompt(in, config, true));
        Object references = in.getHeader(SeedreamConstants.REFERENCE_IMAGES);
        if (references != null) {
            builder.images(SeedreamRequestSupport.references(exchange, references));
        }
        return builder.build();
    }
}
