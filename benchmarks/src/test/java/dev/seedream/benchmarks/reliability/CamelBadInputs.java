/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.camel.SeedreamBatchResult;
import dev.seedream.camel.SeedreamConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Bad input at the Camel component: endpoint options, headers and body types. */

final class CamelBadInputs {

    private static final String SURFACE = "camel";

    private CamelBadInputs() {
    }

    static List<BadInput> cases(CamelContext camel) {
        ProducerTemplate template = camel.createProducerTemplate();
        List<String> fifteenUrls = IntStream.range(0, 15).mapToObj(i -> "https://example.com/" + i + ".png").toList();
        return List.of(
                send(template, "option responseFormat=png64", "seedream:generate?responseFormat=png64", "p", Map.of(),
                        "response_format", "'url' or 'b64_json'"),
                send(template, "unknown option", "seedream:generate?sizee=2K", "p", Map.of(), "sizee"),
                send(template, "option maxImages=16", "seedream:generate?maxImages=16", "p", Map.of(),
                        "max_images", "between 1 and 15"),
                send(template, "option seed=-5", "seedream:generate?seed=-5", "p", Map.of(), "seed", "between -1"),
                send(template, "option size=5000x100", "seedream:generate?size=5000x100", "p", Map.of(), "size",
                        "aspect ratio"),
                send(template, "option validationMode=LOOSE", "seedream:generate?validationMode=LOOSE", "p", Map.of(),
                        "validationMode", "LOOSE"),
                send(template, "option maxConcurrentRequests=-1", "seedream:generate?maxConcurrentRequests=-1", "p",
                        Map.of(), "maxConcurrentRequests", ">= 0"),
                send(template, "option proxyHost without proxyPort", "seedream:generate?proxyHost=127.0.0.1", "p",
                        Map.of(), "proxyHost", "proxyPort"),
                send(template, "option outputFormat=gif", "seedream:generate?outputFormat=gif", "p", Map.of(),
                        "output_format", "'png' or 'jpeg'"),
                send(template, "unknown operation", "seedream:paint", "p", Map.of(), "paint"),
                send(template, "header seed not a number", "seedream:generate", "p",
                        Map.of(SeedreamConstants.SEED, "abc"), SeedreamConstants.SEED, "abc"),
                send(template, "header size 5000x100", "seedream:generate", "p",
                        Map.of(SeedreamConstants.SIZE, "5000x100"), "size", "aspect ratio"),
                send(template, "header maxImages 16", "seedream:generate", "p",
                        Map.of(SeedreamConstants.MAX_IMAGES, 16), "max_images", "between 1 and 15"),
                send(template, "header responseFormat png64", "seedream:generate", "p",
                        Map.of(SeedreamConstants.RESPONSE_FORMAT, "png64"), "response_format", "'url' or 'b64_json'"),
                send(template, "no prompt anywhere", "seedream:generate", null, Map.of(), "prompt",
                        SeedreamConstants.PROMPT),
                send(template, "blank String body", "seedream:generate", "   ", Map.of(), "prompt",
                        SeedreamConstants.PROMPT),
                send(template, "edit: Integer body", "seedream:edit?prompt=p", 42, Map.of(), "java.lang.Integer"),
                send(template, "edit: no reference", "seedream:edit?prompt=p", null, Map.of(), "reference image",
                        SeedreamConstants.REFERENCE_IMAGES),
                send(template, "edit: text file body", "seedream:edit?prompt=p", BadImages.TEXT_FILE, Map.of(),
                        "image", "not an image"),
                send(template, "edit: 15 reference URLs", "seedream:edit?prompt=p", null,
                        Map.of(SeedreamConstants.REFERENCE_IMAGES, fifteenUrls), "image", "at most 14"),
                send(template, "edit: 50 MB body", "seedream:edit?prompt=p",
                        BadImages.hugePng(BadImages.FIFTY_MB), Map.of(), "image", "bytes"),
                send(template, "batch: Integer body", "seedream:batch", 42, Map.of(), "seedream:batch", "body"),
                batchItem(template, "batch: Integer item", List.of(42), "ImageRequest", "java.lang.Integer"),
                batchItem(template, "batch: blank prompt item", List.of(" "), "prompt", "must not be blank"));
    }

    /** Sends one exchange straight to the endpoint; the error is the exchange's exception. */
    private static BadInput send(ProducerTemplate template, String name, String uri, Object body,
                                 Map<String, Object> headers, String... expected) {
        return BadInput.of(SURFACE, name, () -> {
            Exchange done = template.request(uri, exchange -> {
                exchange.getIn().setBody(body);
                exchange.getIn().setHeaders(new HashMap<>(headers));
            });
            if (done.getException() != null) {
                throw done.getException();
            }
            return done.getMessage().getBody();
        }, expected);
    }

    /** A batch answers per item: the item's own error is the result to check. */
    private static BadInput batchItem(ProducerTemplate template, String name, List<?> items, String... expected) {
        return BadInput.of(SURFACE, name, () -> {
            Exchange done = template.request("seedream:batch", exchange -> exchange.getIn().setBody(items));
            if (done.getException() != null) {
                throw done.getException();
            }
            SeedreamBatchResult first = done.getMessage().getBody(List.class).isEmpty() ? null
                    : (SeedreamBatchResult) done.getMessage().getBody(List.class).get(0);
            return first != null && first.error() != null ? first.error().toString() : first;
        }, expected);
    }
}
