package dev.seedream.client.internal;

import dev.seedream.client.ClientMetrics;
import dev.seedream.client.ImageBudget;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link ClientMetrics}. */
final class ClientCounters {

    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong requestsSent = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    ClientMetrics snapshot(int waiting, ImageBudget.Metrics budget) {
        return new ClientMetrics(inFlight.get(), waiting, requestsSent.get(), retries.get(), rateLimited.get(),
                failures.get(), budget);
    }
}
