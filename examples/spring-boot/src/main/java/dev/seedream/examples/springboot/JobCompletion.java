/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples.springboot;

import java.util.concurrent.CountDownLatch;

import org.springframework.stereotype.Component;

/** The end of the job: the route reports when the prompts file is done, the main method waits for it. */
@Component
public class JobCompletion {

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean succeeded;

    void finished(boolean succeeded) {
        this.succeeded = succeeded;
        done.countDown();
    }

    /** Blocks until the prompts file was processed; true when every prompt became an image or was refused. */
    public boolean await() throws InterruptedException {
        done.await();
        return succeeded;
    }
}
