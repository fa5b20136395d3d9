/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a blocking call on a pool of as many platform threads as the wanted concurrency. That is what a user of a
 * synchronous API (the Ark SDK, a blocking Camel producer) has to do to keep N requests in flight, so those
 * threads are part of that path's cost and are counted with it.
 */
public final class BlockingCalls implements AutoCloseable {

    /** A call that blocks until one image is decoded and returns its size. */
    @FunctionalInterface
    public interface BlockingCall {
        long call(String prompt) throws Exception;
    }

    private final ExecutorService workers;

    public BlockingCalls(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
    }

    public CompletableFuture<Long> submit(BlockingCall call, String prompt) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                result.complete(call.call(prompt));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
