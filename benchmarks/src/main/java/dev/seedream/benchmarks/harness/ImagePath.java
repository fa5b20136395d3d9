/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import java.util.concurrent.CompletableFuture;

/**
 * One way of turning a prompt into decoded image bytes: our client, a hand-written alternative, the Ark SDK, a
 * Camel route. The load driver and the meters only see this, so every path is measured by the same code.
 */
public interface ImagePath extends AutoCloseable {

    /** Short label for the result tables. */
    String name();

    /**
     * Starts one generation of one image and completes with the number of decoded image bytes. Blocking paths
     * complete it from their own worker threads (see {@link BlockingCalls}).
     */
    CompletableFuture<Long> generate(String prompt);

    /** Releases the path's clients and threads; measurements of thread counts rely on it. */
    @Override
    void close();
}
