/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides which fault, if any, hits the next generation request: first the scheduled queue (one entry per request,
 * in order), otherwise one draw against the configured rates. Thread-safe.
 */
public final class FaultControl {

    private final Deque<FaultSpec> schedule = new ArrayDeque<>();
    private final Map<Fault, Double> rates = new EnumMap<>(Fault.class);
    private Random random = new Random();

    FaultControl(EmulatorConfig config) {
        resetTo(config);
    }

    /** Appends faults for the next generation requests, one request each. */
    public synchronized FaultControl schedule(Fault... faults) {
        for (Fault f : faults) {
            schedule.add(FaultSpec.of(f));
        }
        return this;
    }

    public synchronized FaultControl schedule(FaultSpec... specs) {
        schedule.addAll(List.of(specs));
        return this;
    }

    /** Sets the probability per request of {@code fault}; the rates of all faults must sum to at most 1. */
    public synchronized FaultControl rate(Fault fault, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault rate must be within [0, 1]");
        }
        Map<Fault, Double> next = new EnumMap<>(rates);
        next.put(fault, probability);
        checkTotal(next);
        rates.put(fault, probability);
        return this;
    }

    /** Drops the schedule and all rates. */
    public synchronized FaultControl clear() {
        schedule.clear();
        rates.clear();
        return this;
    }

    public synchronized List<FaultSpec> scheduled() {
        return List.copyOf(new ArrayList<>(schedule));
    }

    public synchronized Map<Fault, Double> rates() {
        return Map.copyOf(rates);
    }

    /**
     * The fault for the next generation request. {@link Fault#SSE_CUT} only hits stream requests: drawn or dequeued
     * for a non-stream request, it is used up without effect.
     */
    synchronized Optional<FaultSpec> next(boolean streaming, int defaultSseCut) {
        FaultSpec spec = schedule.isEmpty() ? draw(defaultSseCut) : schedule.poll();
        if (spec == null || (spec.fault() == Fault.SSE_CUT && !streaming)) {
            return Optional.empty();
        }
        return Optional.of(spec);
    }

    synchronized void resetTo(EmulatorConfig config) {
        schedule.clear();
        rates.clear();
        rates.putAll(config.faultRates());
        random = config.faultSeed() == null ? new Random() : new Random(config.faultSeed());
    }

    private FaultSpec draw(int defaultSseCut) {
        if (rates.isEmpty()) {
            return null;
        }
        double u = random.nextDouble();
        double cumulative = 0;
        for (Map.Entry<Fault, Double> e : rates.entrySet()) {
            cumulative += e.getValue();
            if (u < cumulative) {
                return e.getKey() == Fault.SSE_CUT ? FaultSpec.sseCutAfter(defaultSseCut) : FaultSpec.of(e.getKey());
            }
        }
        return null;
    }

    static void checkTotal(Map<Fault, Double> rates) {
        if (rates.values().stream().mapToDouble(Double::doubleValue).sum() > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates sum to more than 1");
        }
    }
}
