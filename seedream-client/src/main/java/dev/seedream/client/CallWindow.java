/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A bounded window over a batch: at most {@code maxInFlight} calls run at once, and the next input is read only
 * when one has finished, so an input {@link Iterator} is consumed at the pace of the API and nothing queues up.
 * Each finished call is handed to the listener as it finishes, one at a time and before the next input starts, so
 * a listener that {@linkplain #stop() stops} the window keeps any further input from being sent.
 *
 * <pre>{@code
 * CallWindow.over(prompts.iterator(), 8, prompt -> client.generateAsync(request(prompt)))
 *         .start(done -> log(done.index(), done.result(), done.failure()));
 * }</pre>
 *
 * @param <I> the input type
 * @param <R> the result type of one call
 */
public final class CallWindow<I, R> {

    /**
     * One finished call.
     *
     * @param index   the input's position in the batch, from 0
     * @param input   the input
     * @param result  its result, or null when it failed
     * @param failure why it failed ({@linkplain SeedreamException#unwrap unwrapped}), or null
     * @param <I>     the input type
     * @param <R>     the result type of one call
     */
    public record Completion<I, R>(int index, I input, R result, Throwable failure) {
        /**
         * Whether the call succeeded.
         *
         * @return true when there is no failure
         */
        public boolean isSuccess() {
            return failure == null;
        }
    }

    private final Iterator<? extends I> inputs;
    private final int maxInFlight;
    private final Function<? super I, ? extends CompletionStage<R>> call;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Consumer<? super Completion<I, R>> listener;

    // Guarded by this.
    private int running;
    private final Deque<Completion<I, R>> finished = new ArrayDeque<>();
    private int started;
    private boolean pumping;
    private boolean stopped;
    private boolean exhausted;

    private CallWindow(Iterator<? extends I> inputs, int maxInFlight,
                       Function<? super I, ? extends CompletionStage<R>> call) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        }
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.maxInFlight = maxInFlight;
        this.call = Objects.requireNonNull(call, "call");
    }

    /**
     * A window that starts {@code call} for each input. A call that throws instead of returning a stage counts as a
     * failed call of that input.
     *
     * @param inputs      the inputs, read one at a time as slots free up
     * @param maxInFlight how many calls may run at once, at least 1
     * @param call        starts the call of one input
     * @param <I>         the input type
     * @param <R>         the result type of one call
     * @return the window, not started yet
     */
    public static <I, R> CallWindow<I, R> over(Iterator<? extends I> inputs, int maxInFlight,
                                               Function<? super I, ? extends CompletionStage<R>> call) {
        return new CallWindow<>(inputs, maxInFlight, call);
    }

    /**
     * Starts the first calls; {@code listener} then gets each finished call, on the thread that finished it (or this
     * one), never two at once. The future completes once the inputs are used up or the window is stopped, and every
     * call started has been handed to the listener; it fails if reading the inputs or the listener throws.
     *
     * @param listener gets each finished call
     * @return a future that completes when the window is done
     */
    public CompletableFuture<Void> start(Consumer<? super Completion<I, R>> listener) {
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("This CallWindow has already been started");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
        }
        pump();
        return done;
    }

    /** No input is started after this; calls in flight still finish and are handed to the listener. */
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        pump();
    }

    /**
     * How many inputs have been started.
     *
     * @return the number of inputs started so far
     */
    public synchronized int started() {
        return started;
    }

    /**
     * Hands finished calls to the listener and starts inputs while slots are free. Only one thread pumps at a time;
     * whatever happens meanwhile (even synchronously, from within {@link #launch}) is picked up by its next check.
     */
    private void pump() {
        synchronized (this) {
            if (pumping || listener == null) {
                return;
            }
            pumping = true;
        }
        while (true) {
            Completion<I, R> completion;
            int index = -1;
            I input = null;
            synchronized (this) {
                if (done.isDone()) { // failed: what still finishes is not handed on
                    finished.clear();
                    pumping = false;
                    break;
                }
                completion = finished.poll();
                if (completion == null) {
                    if (!canStartMore()) {
                        pumping = false;
                        break;
                    }
                    input = nextInput();
                    if (done.isDone()) { // reading the input failed
                        continue;
                    }
                    index = started++;
                    running++;
                }
            }
            if (completion != null) {
                deliver(completion);
            } else {
                launch(index, input);
            }
        }
        completeIfFinished();
    }

    /** Called with the lock held; asking whether there is a next input may fail like reading it. */
    private boolean canStartMore() {
        if (stopped || exhausted || done.isDone() || running >= maxInFlight) {
            return false;
        }
        try {
            exhausted = !inputs.hasNext();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return !exhausted && !done.isDone();
    }

    private I nextInput() {
        try {
            return inputs.next();
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return null;
        }
    }

    private void deliver(Completion<I, R> completion) {
        try {
            listener.accept(completion);
        } catch (RuntimeException e) {
            synchronized (this) {
                stopped = true;
            }
            done.completeExceptionally(e);
        }
    }

    private void launch(int index, I input) {
        CompletionStage<R> stage;
        try {
            stage = Objects.requireNonNull(call.apply(input), "the call returned no CompletionStage");
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, failure) -> {
            synchronized (this) {
                running--;
                finished.add(new Completion<>(index, input, failure == null ? result : null,
                        SeedreamException.unwrap(failure)));
            }
            pump();
        });
    }

    private void completeIfFinished() {
        synchronized (this) {
            if (pumping || running > 0 || !finished.isEmpty() || !(stopped || exhausted)) {
                return;
            }
        }
        done.complete(null);
    }
}
