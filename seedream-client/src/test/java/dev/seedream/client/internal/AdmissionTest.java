/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamRateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one object that holds an attempt's slot and images: each goes back exactly once, whatever happens. */
class AdmissionTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong now = new AtomicLong();
    private final PermitPool slots = PermitPool.semaphore("a slot", 2, 10, scheduler);
    private final PermitPool window = PermitPool.perMinute("images", 10, 10, scheduler, now::get);
    private final ImageBudget images = new LocalImageBudget(window, null);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private Admission admit(int reserved) {
        return Admission.acquire(slots, images, "seedream-4-0-250828", reserved, Duration.ofSeconds(5), () -> false).join();
    }

    @Test
    void settlingTwiceOrReleasingAgainGivesBackOnlyOnce() {
        Admission admission = admit(4);
        assertThat(slots.available()).isEqualTo(1);
        assertThat(window.available()).isEqualTo(6);

        admission.releaseSlot();
        admission.settleImages(1);
        admission.releaseSlot();
        admission.settleImages(0);
        admission.releaseAll();

        assertThat(slots.available()).isEqualTo(2);
        assertThat(window.available()).as("3 unused images back, the generated one counted").isEqualTo(9);
    }

    @Test
    void afterTheProvidersImageLimitTheWholeReservationStaysCounted() {
        Admission admission = admit(4);

        admission.releaseSlot();
        admission.keepImages();
        admission.settleImages(0); // a later settle must not undo the decision

        assertThat(slots.available()).isEqualTo(2);
        assertThat(window.available()).isEqualTo(6);
    }

    @Test
    void imagesNotGrantedInTimeGiveTheSlotBack() {
        admit(10).releaseSlot(); // the minute is used up; its slot is free again

        CompletableFuture<Admission> refused = Admission.acquire(slots, images, "seedream-4-0-250828", 1, Duration.ofMillis(50),
                () -> false);

        assertThatThrownBy(refused::join).hasCauseInstanceOf(SeedreamRateLimitException.class);
        assertThat(slots.available()).isEqualTo(2);
    }

    @Test
    void aCallerGoneWhileWaitingGetsNothingAndHoldsNothing() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Admission first = admit(10);
        CompletableFuture<Admission> waiting = Admission.acquire(slots, images, "seedream-4-0-250828", 2, Duration.ofSeconds(120),
                cancelled::get);
        assertThat(waiting).isNotDone();

        cancelled.set(true);
        first.releaseAll(); // its images come back: the waiter's grant arrives after its caller left

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(CancellationException.class);
        assertThat(slots.available()).isEqualTo(2);
        assertThat(window.available()).isEqualTo(10);
    }
}
