/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import dev.seedream.camel.SeedreamConstants;
import dev.seedream.client.GeneratedImage;
import dev.seedream.client.SeedreamContentPolicyException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.nio.file.Path;

/**
 * Watches a folder of product photos; each new photo is edited by {@code seedream:edit} into a group of variants
 * (the photo is the reference image, the prompt comes from a header), and every variant is written next to the
 * others as {@code <photo>-variant-<n>.jpg}. Processed photos move to {@code .done}, refused ones to
 * {@code .rejected}.
 */
final class EditProductPhotosRoute extends RouteBuilder {

    static final String ROUTE_ID = "edit-product-photos";
    static final String PROMPT = "the same product on a clean white studio background, soft shadow";

    private final Path photos;
    private final Path output;
    private final int variants;

    EditProductPhotosRoute(Path photos, Path output, int variants) {
        this.photos = photos.toAbsolutePath();
        this.output = output.toAbsolutePath();
        this.variants = variants;
    }

    @Override
    public void configure() {
        onException(SeedreamContentPolicyException.class).handled(true)
                .log("Photo ${header.CamelFileName} was refused: ${exception.message}")
                .to("file:" + photos.resolve(".rejected"));

        from("file:" + photos + "?include=.*\\.(jpe?g|png)&move=.done&readLock=changed")
                .routeId(ROUTE_ID)
                .setHeader(SeedreamConstants.PROMPT, constant(PROMPT))
                .setHeader(SeedreamConstants.MAX_IMAGES, constant(variants))
                .setHeader("photo", simple("${file:onlyname.noext}"))
                .to("seedream:edit")
                .split(body())
                    .setHeader(Exchange.FILE_NAME, simple("${header.photo}-variant-${exchangeProperty.CamelSplitIndex}.jpg"))
                    .process(exchange -> exchange.getMessage().setBody(
                            exchange.getMessage().getBody(GeneratedImage.class).content()))
                    .to("file:" + output)
                .end();
    }
}
