/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.CallWindow;
import dev.seedream.client.CallWindow.Completion;
import dev.seedream.client.GenerationResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The calls of one batch through the client's {@link CallWindow} (at most N in flight, each outcome as it comes),
 * every outcome routed on the trigger thread, which alone may touch the session. The window's listener runs on
 * client threads, so it decides only what is safe there: whether a failure pauses the batch, and then it stops the
 * window before another input is sent, since that input would only meet the same rate limit or exhausted quota.
 * It queues each outcome, and the trigger thread takes them until the batch is done or the one deadline passes.
 * Then what has finished is still routed, calls still running are cancelled (which frees their slots in the
 * connection service at once) and fail as past the deadline, and inputs never sent fail as not sent when the batch
 * paused, else as past the deadline. Every input is routed exactly once.
 *
 * @param <I> the input type
 */
final class BatchWindow<I> {

    /** An outcome and the position of its input, which {@link #routed} is kept by. */
    private record Finished<I>(int index, CallOutcome<I> outcome) {
    }

    private final List<I> inputs;
    private final Duration runTimeout;
    private final Consumer<CallOutcome<I>> route;
    private final CallWindow<I, GenerationResult<Path>> window;
    private final BlockingQueue<Finished<I>> finished = new LinkedBlockingQueue<>();
    /** Queued once the window is done, so the trigger thread stops waiting at once. */
    private final Finished<I> end = new Finished<>(-1, null);
    private final Queue<CompletableFuture<?>> sent = new ConcurrentLinkedQueue<>();
    private volatile boolean over;
    // Trigger thread only.
    private final BitSet routed = new BitSet();
    private boolean paused;

    private BatchWindow(List<I> inputs, int maxInFlight, Duration runTimeout,
                        Function<? super I, CompletableFuture<GenerationResult<Path>>> call,
                        Consumer<CallOutcome<I>> route) {
        this.inputs = inputs;
        this.runTimeout = runTimeout;
        this.route = route;
        this.window = CallWindow.over(inputs.iterator(), maxInFlight, input -> send(call, input));
    }

    /**
     * Runs the calls and hands every input's outcome to {@code route}, on the calling (trigger) thread.
     *
     * @param inputs      in the order they are sent
     * @param maxInFlight how many calls may run at once
     * @param call        starts the request of one input; runs on the trigger thread or on a client thread
     */
    static <I> void run(List<I> inputs, int maxInFlight, Duration runTimeout,
                        Function<? super I, CompletableFuture<GenerationResult<Path>>> call,
                        Consumer<CallOutcome<I>> route) {
        new BatchWindow<>(inputs, maxInFlight, runTimeout, call, route).run();
    }

    private void run() {
        long deadline = System.nanoTime() + runTimeout.toNanos();
        window.start(this::queue).whenComplete((ignored, failure) -> finished.add(end));
        try {
            for (Finished<I> next = poll(deadline); next != null && next != end; next = poll(deadline)) {
                deliver(next);
            }
        } finally { // at the deadline, and when routing failed: nothing more is sent, nothing keeps running
            window.stop();
            cancelRunning();
        }
        routeUnfinished();
    }

    /** The window's listener, on whichever thread finished the call. */
    private void queue(Completion<I, GenerationResult<Path>> completion) {
        CallOutcome<I> outcome = CallOutcome.finished(completion.input(), completion.result(), completion.failure());
        if (pausesBatch(outcome)) {
            window.stop();
        }
        finished.add(new Finished<>(completion.index(), outcome));
    }

    private void deliver(Finished<I> next) {
        routed.set(next.index());
        paused |= pausesBatch(next.outcome());
        route.accept(next.outcome());
    }

    /** @return the next outcome, or null once the deadline has passed and none is waiting */
    private Finished<I> poll(long deadline) {
        try {
            return finished.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private CompletableFuture<GenerationResult<Path>> send(
            Function<? super I, CompletableFuture<GenerationResult<Path>>> call, I input) {
        CompletableFuture<GenerationResult<Path>> future = call.apply(input);
        sent.add(future);
        if (over) { // started by a client thread while the batch ended, after cancelRunning looked
            future.cancel(true);
        }
        return future;
    }

    /** Cancelling a finished call does nothing; a running one ends its HTTP exchange. */
    private void cancelRunning() {
        over = true;
        sent.forEach(future -> future.cancel(true));
    }

    /** Inputs started but not routed were still running at the deadline; the window started them in order. */
    private void routeUnfinished() {
        int started = window.started();
        CallFailure deadline = CallFailure.deadline(runTimeout);
        for (int index = routed.nextClearBit(0); index < started; index = routed.nextClearBit(index + 1)) {
            route.accept(CallOutcome.failed(inputs.get(index), deadline));
        }
        CallFailure unsent = paused ? CallFailure.notSent() : deadline;
        inputs.subList(started, inputs.size()).forEach(input -> route.accept(CallOutcome.failed(input, unsent)));
    }

    private static boolean pausesBatch(CallOutcome<?> outcome) {
        return !outcome.hasImages() && outcome.failure().keepsInputQueued();
    }
}
