/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.seedream.budget.redis.RedisImageBudget;
import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two CamelContexts (two pods, in one JVM here; seedream-budget-redis runs separate JVMs), each offering twice the
 * account's limit, against the emulator enforcing that limit over a 3-second window. With one RedisImageBudget bean
 * each, autowired, on one Redis key, the provider never says 429; with a window of their own at the full limit each
 * (the control) it does, so the test can fail.
 */
class SeedreamSharedBudgetTest {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int WINDOWS = 3;

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .imagesPerMinute(LIMIT).rateWindow(WINDOW).latency(Latency.fixed(Duration.ofMillis(20))).build());

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @Test
    void twoContextsOnOneRedisBudgetNeverMeetA429() throws Exception {
        String key = "pods-" + System.nanoTime();
        // The shortened window needs a relatively longer margin than a minute's second (see RedisImageBudget). The
        // outage is another test's: a timeout that a pause of this busy JVM cannot reach keeps Redis in use.
        List<RedisImageBudget> budgets = new ArrayList<>();
        Run run = run(() -> {
            RedisImageBudget budget = RedisImageBudget.builder().uri(redis.server().uri()).budgetKey(key)
                    .limit(LIMIT, WINDOW).margin(WINDOW.dividedBy(10)).nodes(2)
                    .timeout(Duration.ofSeconds(2)).build();
            budgets.add(budget);
            return budget;
        });

        assertThat(budgets).allSatisfy(budget -> assertThat(budget.metrics().fallbacks()).as("Redis in use")
                .isZero());
        assertThat(run.provider429s).as("provider 429s; %s", run).isZero();
        assertThat(run.otherFailures).as("failures other than the local limit; %s", run).isZero();
        assertThat(run.imagesInRun).as("most of the budget used; %s", run)
                .isGreaterThanOrEqualTo((long) (0.75 * LIMIT * WINDOWS));
        assertThat(run.budgets).allSatisfy(budget -> assertThat(budget).startsWith("RedisImageBudget["));
    }

    @Test
    void theControlWithAWindowPerContextAtTheFullLimitMeets429s() throws Exception {
        Run run = run(() -> ImageBudget.slidingWindow(LIMIT, WINDOW));

        assertThat(run.provider429s).as("two contexts each at the full limit overshoot; %s", run).isPositive();
    }

    /** Two contexts, each with one budget bean from {@code budgets} in its registry, offering twice the limit. */
    private Run run(Supplier<ImageBudget> budgets) throws Exception {
        List<CamelContext> contexts = new ArrayList<>();
        List<ImageBudget> beans = new ArrayList<>();
        try {
            for (int pod = 0; pod < 2; pod++) {
                ImageBudget budget = budgets.get();
                beans.add(budget);
                contexts.add(pod(budget));
            }
            for (CamelContext context : contexts) { // classes loaded, connections open
                assertThat(send(context, "warm-up").get(10, TimeUnit.SECONDS).getException()).isNull();
            }
            Thread.sleep(WINDOW.plus(WINDOW.dividedBy(10)).toMillis() + 200); // the warm-up leaves every window
            emulator.reset();

            List<CompletableFuture<Exchange>> calls = offerTwiceTheLimit(contexts);
            long imagesInRun = emulator.stats().imagesGenerated();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            long localLimit = 0;
            long other = 0;
            for (CompletableFuture<Exchange> call : calls) {
                Exception failure = call.get().getException();
                if (failure instanceof SeedreamRateLimitException limit && limit.isLocalLimit()) {
                    localLimit++;
                } else if (failure != null && !(failure instanceof SeedreamRateLimitException)) {
                    other++;
                }
            }
            List<String> used = contexts.stream().map(c -> c.getEndpoint("seedream:generate", SeedreamEndpoint.class)
                    .getBudget()).toList();
            Run run = new Run(emulator.stats().requestsWithStatus(429), localLimit, other, imagesInRun, used);
            System.out.printf("Two contexts, %d images per %s: %s%n", LIMIT, WINDOW, run);
            return run;
        } finally {
            for (CamelContext context : contexts) {
                context.close();
            }
            beans.forEach(ImageBudget::close);
        }
    }

    /** Open loop, evenly spaced, both pods at once, for {@link #WINDOWS} windows; returns when the offers end. */
    private static List<CompletableFuture<Exchange>> offerTwiceTheLimit(List<CamelContext> contexts)
            throws InterruptedException {
        long offers = 2L * LIMIT * WINDOWS;
        long interval = WINDOW.toNanos() / (2L * LIMIT);
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < offers; i++) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, start + i * interval - System.nanoTime()));
            for (CamelContext context : contexts) {
                calls.add(send(context, "offer " + i));
            }
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, start + WINDOW.toNanos() * WINDOWS - System.nanoTime()));
        return calls;
    }

    /** A pod: the route, and the budget bean that the component autowires (it is the only ImageBudget there). */
    private static CamelContext pod(ImageBudget budget) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("imageBudget", budget);
        SeedreamConfiguration defaults = context.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(emulator.baseUri().toString());
        defaults.setApiKey(SeedreamTestSupport.API_KEY);
        defaults.setSize("1K");
        defaults.setMaxRetries(0); // a provider 429 fails the exchange, so it is seen
        defaults.setMaxConcurrentRequests(0);
        defaults.setMaxLimitWait(WINDOW.toMillis());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // Refusals by the local limit are expected under twice the limit: counted, not logged.
                errorHandler(noErrorHandler());
                from("direct:generate").to("seedream:generate");
            }
        });
        context.start();
        return context;
    }

    /** Without a route thread or template pool in between: the direct producer is asynchronous, like ours. */
    private static CompletableFuture<Exchange> send(CamelContext context, String prompt) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(prompt);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        try {
            AsyncProducer producer = context.getEndpoint("direct:generate").createAsyncProducer();
            producer.start();
            producer.process(exchange, doneSync -> done.complete(exchange));
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private record Run(long provider429s, long localLimit, long otherFailures, long imagesInRun,
                       List<String> budgets) {
    }
}
