package dev.seedream.camel;

import java.util.List;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code seedream:edit}: the body is the reference image, or a list of them (the
 * {@link SeedreamConstants#REFERENCE_IMAGES} header, when set, is used instead); the prompt comes from the
 * {@link SeedreamConstants#PROMPT} header or the {@code prompt} option. A ready {@link ImageRequest} body is sent
 * as it is.
 */
public class SeedreamEditProducer extends SeedreamImageProducer {

    public SeedreamEditProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected ImageRequest createRequest(Exchange exchange) {
        Message in = exchange.getIn();
        if (in.getBody() instanceof ImageRequest request) {
            return request;
        }
        SeedreamConfiguration config = getEndpoint().getConfiguration();
        Object source = in.getHeader(SeedreamConstants.REFERENCE_IMAGES);
        List<ReferenceImage> references = SeedreamRequestSupport.references(exchange,
                source != null ? source : in.getBody());
        if (references.isEmpty()) {
            throw new IllegalArgumentException("seedream:edit needs at least one reference image: set the body or the "
                    + SeedreamConstants.REFERENCE_IMAGES + " header");
        }
        return SeedreamRequestSupport.baseRequest(in, config)
                .prompt(SeedreamRequestSupport.prompt(in, config, false))
                .images(references)
                .build();
    }
}
