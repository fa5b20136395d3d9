/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import dev.seedream.client.ImageRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code seedream:generate}: the body is the prompt (or a ready {@link ImageRequest}, sent as it is); the
 * {@link SeedreamConstants#REFERENCE_IMAGES} header adds reference images to the prompt.
 */
final class SeedreamGenerateProducer extends SeedreamImageProducer {

    SeedreamGenerateProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    ImageRequest buildRequest(Exchange exchange, SeedreamConfiguration config) {
        Message in = exchange.getIn();
        ImageRequest.Builder builder = SeedreamRequestSupport.baseRequest(in, config)
                .prompt(SeedreamRequestSupport.prompt(in, config, true));
        Object references = in.getHeader(SeedreamConstants.REFERENCE_IMAGES);
        if (references != null) {
            builder.images(SeedreamRequestSupport.references(exchange, references));
        }
        return builder.build();
    }
}
