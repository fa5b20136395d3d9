/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
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
final class SeedreamEditProducer extends SeedreamImageProducer {

    SeedreamEditProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    ImageRequest buildRequest(Exchange exchange, SeedreamConfiguration config) {
        Message in = exchange.getIn();
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
