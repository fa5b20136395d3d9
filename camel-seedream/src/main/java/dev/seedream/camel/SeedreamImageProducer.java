/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.seedream.client.ImageListener;
import dev.seedream.client.ImageRequest;
import dev.seedream.client.SequentialImageGeneration;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends one {@link ImageRequest} per exchange without blocking the route thread; the operations differ only in
 * how they build the request from the message ({@link #buildRequest}).
 */
abstract class SeedreamImageProducer extends DefaultAsyncProducer {

    SeedreamImageProducer(SeedreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SeedreamEndpoint getEndpoint() {
        return (SeedreamEndpoint) super.getEndpoint();
    }

    /**
     * The request this exchange asks for, before the client applies its model limits: a ready {@link ImageRequest}
     * body as it is, else the one the operation builds.
     */
    final ImageRequest createRequest(Exchange exchange) {
        if (exchange.getIn().getBody() instanceof ImageRequest request) {
            return request;
        }
        return buildRequest(exchange, getEndpoint().getConfiguration());
    }

    /** The request built from the message's headers and body and from the endpoint's options. */
    abstract ImageRequest buildRequest(Exchange exchange, SeedreamConfiguration config);

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            // Validated here so a bad request fails synchronously, before any network call.
            ImageRequest request = getEndpoint().getClient().prepare(createRequest(exchange));
            if (request.stream()) {
                sendStreaming(exchange, callback, request);
            } else {
                send(exchange, callback, request);
            }
            return false;
        } catch (Throwable e) {
            // Anything thrown before the call is under way (even a linkage error) must still end the exchange.
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private void send(Exchange exchange, AsyncCallback callback, ImageRequest request) {
        SeedreamEndpoint endpoint = getEndpoint();
        endpoint.getClient().generateAsync(request, endpoint.newSink()).whenComplete((result, failure) ->
                SeedreamAsyncSupport.completeLater(endpoint.getCompletionExecutor(), exchange, callback,
                        () -> SeedreamResultSupport.writeResult(exchange.getMessage(), result,
                                request.sequentialImageGeneration() == SequentialImageGeneration.AUTO), failure));
    }

    /**
     * The exchange goes on as soon as the first image arrives, its body an iterator that yields the images still
     * arriving; a call that fails before any image fails the exchange like a non-streaming one.
     */
    private void sendStreaming(Exchange exchange, AsyncCallback callback, ImageRequest request) {
        SeedreamEndpoint endpoint = getEndpoint();
        SeedreamImageIterator images = new SeedreamImageIterator(exchange);
        AtomicBoolean handedOver = new AtomicBoolean();
        ImageListener<Object> listener = image -> {
            images.add(image);
            if (handedOver.compareAndSet(false, true)) {
                SeedreamAsyncSupport.completeLater(endpoint.getCompletionExecutor(), exchange, callback,
                        () -> SeedreamResultSupport.writeBody(exchange.getMessage(), images, null), null);
            }
        };
        SeedreamClient client = endpoint.getClient();
        client.generateAsync(request, endpoint.newSink(), listener).whenComplete((result, failure) -> {
            images.finish(failure == null ? null : SeedreamException.unwrap(failure));
            if (handedOver.compareAndSet(false, true)) {
                SeedreamAsyncSupport.completeLater(endpoint.getCompletionExecutor(), exchange, callback,
                        () -> SeedreamResultSupport.writeBody(exchange.getMessage(), images, null), failure);
            }
        });
    }
}
