/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import dev.seedream.client.SeedreamException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * The one path by which an asynchronous Seedream call completes its exchange: on a Camel thread, with the
 * client's typed exception set unchanged (so {@code onException(SeedreamRateLimitException.class)} matches) and its
 * request id in {@link SeedreamConstants#REQUEST_ID}, and with exactly one {@code callback.done(false)}.
 */
final class SeedreamAsyncSupport {

    private SeedreamAsyncSupport() {
    }

    /** What to do with the exchange when the call succeeded; may throw, which fails the exchange. */
    @FunctionalInterface
    interface Outcome {
        void apply() throws Exception;
    }

    static void completeLater(Executor executor, Exchange exchange, AsyncCallback callback, Outcome success,
                              Throwable failure) {
        Runnable completion = () -> complete(exchange, callback, success, failure);
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException | NullPointerException stopped) {
            completion.run(); // the endpoint is stopping: finish on this thread rather than lose the exchange
        }
    }

    private static void complete(Exchange exchange, AsyncCallback callback, Outcome success, Throwable failure) {
        try {
            if (failure != null) {
                Throwable cause = SeedreamException.unwrap(failure);
                // What a support ticket needs, also on failures; an earlier call's id must not stay behind.
                String requestId = cause instanceof SeedreamException seedream ? seedream.requestId().orElse(null)
                        : null;
                if (requestId != null) {
                    exchange.getMessage().setHeader(SeedreamConstants.REQUEST_ID, requestId);
                } else {
                    exchange.getMessage().removeHeader(SeedreamConstants.REQUEST_ID);
                }
                exchange.setException(cause);
            } else {
                success.apply();
            }
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            callback.done(false);
        }
    }
}
