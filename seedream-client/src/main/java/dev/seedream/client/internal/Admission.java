/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.ImageBudget;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * What one attempt holds while it is sent and read: a request slot and the images it may produce. Each goes back
 * exactly once, however the attempt ends — the slot when the exchange is over, the images as the outcome decides.
 */
final class Admission {

    private final PermitPool slots;
    private final int reserved;
    private final AtomicBoolean slotHeld = new AtomicBoolean(true);
    private final AtomicBoolean imagesHeld = new AtomicBoolean(true);
    private final ImageBudget.Grant images;

    private Admission(PermitPool slots, int reserved, ImageBudget.Grant images) {
        this.slots = slots;
        this.reserved = reserved;
        this.images = images;
    }

    /**
     * Waits for a slot, then for {@code reserved} images, both within {@code maxWait}. The images come after the
     * slot, so their grant is taken just before sending: a grant that waited for a slot would open our minute
     * seconds before the provider's and let the next calls in too early. Whatever was taken goes back when the rest
     * is not granted, or when {@code cancelled} says the caller has gone meanwhile.
     */
    static CompletableFuture<Admission> acquire(PermitPool slots, ImageBudget budget, String model, int reserved,
                                                Duration maxWait, BooleanSupplier cancelled) {
        long waitEnds = System.nanoTime() + maxWait.toNanos();
        return slots.acquire(1, maxWait).thenCompose(slot -> {
            CompletableFuture<ImageBudget.Grant> granted;
            try {
                if (cancelled.getAsBoolean()) {
                    granted = CompletableFuture.failedFuture(new CancellationException());
                } else if (reserved == 0) { // a probe the provider must refuse: nothing to ask a (shared) budget for
                    granted = CompletableFuture.completedFuture(images -> { });
                } else {
                    granted = budget.acquire(model, reserved,
                            Duration.ofNanos(Math.max(0, waitEnds - System.nanoTime())));
                }
            } catch (RuntimeException closed) { // the client's scheduler is gone
                granted = CompletableFuture.failedFuture(closed);
            }
            CompletableFuture<Admission> admitted = new CompletableFuture<>();
            granted.whenComplete((grant, notGranted) -> {
                if (notGranted != null) {
                    slots.release(1);
                    admitted.completeExceptionally(notGranted);
                    return;
                }
                Admission admission = new Admission(slots, reserved, grant);
                if (cancelled.getAsBoolean()) {
                    admission.releaseAll();
                    admitted.completeExceptionally(new CancellationException());
                } else {
                    admitted.complete(admission);
                }
            });
            return admitted;
        });
    }

    /** The exchange is over: the next request may go. */
    void releaseSlot() {
        if (slotHeld.compareAndSet(true, false)) {
            slots.release(1);
        }
    }

    /** The provider generated {@code generated} images: the rest of the reservation goes back. */
    void settleImages(int generated) {
        if (imagesHeld.compareAndSet(true, false) && reserved > generated) {
            images.giveBack(reserved - generated);
        }
    }

    /**
     * Keeps the whole reservation in the window: after a provider 429 that says its minute is full (maybe with
     * another client's images), handing the images back would only send the next call into a 429.
     */
    void keepImages() {
        imagesHeld.set(false);
    }

    /** Nothing was sent: slot and images go back. */
    void releaseAll() {
        releaseSlot();
        settleImages(0);
    }
}
