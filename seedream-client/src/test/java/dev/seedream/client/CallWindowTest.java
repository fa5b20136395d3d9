/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window on hand-completed futures: no HTTP, every interleaving decided by the test. */
class CallWindowTest {

    /** Calls the test completes by hand, by input. */
    private final Map<String, CompletableFuture<String>> calls = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<CallWindow.Completion<String, String>> completions = new ArrayList<>();

    private CallWindow<String, String> window(Iterator<String> inputs, int maxInFlight) {
        return CallWindow.over(inputs, maxInFlight, input -> {
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.put(input, call);
            return call;
        });
    }

    @Test
    void startsAtMostTheBoundAndReadsTheNextInputOnlyWhenOneFinishes() {
        AtomicInteger read = new AtomicInteger();
        Iterator<String> inputs = IntStream.range(0, 5).mapToObj(i -> "p" + i)
                .peek(ignored -> read.incrementAndGet()).iterator();
        CallWindow<String, String> window = window(inputs, 2);
        CompletableFuture<Void> done = window.start(completions::add);

        assertThat(calls).containsOnlyKeys("p0", "p1");
        assertThat(read).hasValue(2);
        assertThat(window.started()).isEqualTo(2);

        calls.get("p1").complete("image 1");
        assertThat(completions).extracting(CallWindow.Completion::index).containsExactly(1);
        assertThat(calls).containsOnlyKeys("p0", "p1", "p2");
        assertThat(window.started()).isEqualTo(3);

        calls.get("p0").completeExceptionally(new CompletionException(new IllegalStateException("boom")));
        calls.get("p2").complete("image 2");
        calls.get("p3").complete("image 3");
        assertThat(done).isNotDone();
        calls.get("p4").complete("image 4");

        assertThat(done).isCompleted();
        assertThat(window.started()).isEqualTo(5);
        assertThat(completions).extracting(CallWindow.Completion::input)
                .containsExactly("p1", "p0", "p2", "p3", "p4");
        CallWindow.Completion<String, String> failed = completions.get(1);
        assertThat(failed.isSuccess()).isFalse();
        assertThat(failed.result()).isNull();
        assertThat(failed.failure()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(completions.get(0).result()).isEqualTo("image 1");
    }

    @Test
    void aListenerThatStopsTheWindowKeepsEveryFurtherInputUnread() {
        Iterator<String> inputs = List.of("a", "b", "c", "d").iterator();
        CallWindow<String, String> window = window(inputs, 2);
        CompletableFuture<Void> done = window.start(completion -> {
            completions.add(completion);
            if (!completion.isSuccess()) {
                window.stop(); // before the window refills: what a paused NiFi batch does
            }
        });

        calls.get("a").completeExceptionally(new IllegalArgumentException("rate limited"));
        assertThat(calls).containsOnlyKeys("a", "b");
        assertThat(done).isNotDone();
        calls.get("b").complete("image b");

        assertThat(done).isCompleted();
        assertThat(inputs.next()).isEqualTo("c"); // never read by the window
        assertThat(completions).extracting(CallWindow.Completion::input).containsExactly("a", "b");
    }

    @Test
    void aCallThatThrowsIsAFailedCallOfItsInputAndAnEmptyBatchEndsAtOnce() {
        CallWindow<String, String> throwing = CallWindow.over(List.of("x", "y").iterator(), 1, input -> {
            throw new IllegalArgumentException("invalid " + input);
        });
        CompletableFuture<Void> done = throwing.start(completions::add);

        assertThat(done).isCompleted();
        assertThat(completions).extracting(completion -> completion.failure().getMessage())
                .containsExactly("invalid x", "invalid y");
        assertThat(window(Collections.emptyIterator(), 3).start(completions::add)).isCompleted();
    }

    @Test
    void anInputThatCannotBeReadFailsTheWindowAndLaterCompletionsAreNotHandedOn() {
        Iterator<String> inputs = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                if (next == 1) {
                    throw new IllegalStateException("the record reader broke");
                }
                return "item" + next++;
            }
        };
        CompletableFuture<Void> done = window(inputs, 4).start(completions::add);

        assertThat(done).isCompletedExceptionally();
        assertThatThrownBy(done::join).hasRootCauseMessage("the record reader broke");
        calls.get("item0").complete("late");
        assertThat(completions).isEmpty();
    }

    @Test
    void aListenerThatThrowsFailsTheWindow() {
        CallWindow<String, String> window = window(List.of("a", "b", "c").iterator(), 1);
        CompletableFuture<Void> done = window.start(completion -> {
            throw new IllegalStateException("listener bug");
        });
        calls.get("a").complete("image");

        assertThatThrownBy(done::join).hasRootCauseMessage("listener bug");
        assertThat(calls).containsOnlyKeys("a");
        assertThatThrownBy(() -> window.start(completions::add)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void completionsFromManyThreadsReachTheListenerOneAtATimeAndExactlyOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<String> inputs = IntStream.range(0, 2_000).mapToObj(i -> "p" + i).toList();
            AtomicInteger inListener = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger mostInFlight = new AtomicInteger();
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> done = CallWindow.<String, String>over(inputs.iterator(), 16, input -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return CompletableFuture.supplyAsync(() -> {
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        Thread.onSpinWait();
                    }
                    inFlight.decrementAndGet();
                    return input;
                }, threads);
            }).start(completion -> {
                if (inListener.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seen.add(completion.result());
                inListener.decrementAndGet();
            });

            done.get(30, TimeUnit.SECONDS);
            assertThat(overlaps).hasValue(0);
            assertThat(mostInFlight.get()).isBetween(1, 16);
            assertThat(seen).hasSize(inputs.size()).containsExactlyInAnyOrderElementsOf(inputs);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theBoundMustBePositive() {
        assertThatThrownBy(() -> window(List.of("a").iterator(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlight");
    }
}
