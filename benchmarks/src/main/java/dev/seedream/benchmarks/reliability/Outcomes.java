/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end of every input of a chaos run, by input: success, failure or retry route. An input with no end is
 * lost; an input with two ends is duplicated. Thread-safe: adapters record from their completion threads.
 */

public final class Outcomes {

    /** Where an input ended. */
    public enum Route { SUCCESS, FAILURE, RETRY }

    private final List<String> inputs;
    private final Map<String, List<Route>> ends = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> images = new ConcurrentHashMap<>();

    public Outcomes(List<String> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    public void ended(String input, Route route) {
        ends.computeIfAbsent(input, k -> Collections.synchronizedList(new ArrayList<>())).add(route);
    }

    /** An image delivered for an input (a success must have exactly one). */
    public void image(String input) {
        images.computeIfAbsent(input, k -> new AtomicInteger()).incrementAndGet();
    }

    public long count(Route route) {
        return ends.values().stream().filter(list -> list.size() == 1 && list.get(0) == route).count();
    }

    /** Lost inputs, inputs with more than one end, successes without exactly one image, unknown inputs. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String input : inputs) {
            List<Route> routes = ends.getOrDefault(input, List.of());
            if (routes.isEmpty()) {
                problems.add("lost: " + input);
            } else if (routes.size() > 1) {
                problems.add("ended " + routes.size() + " times " + routes + ": " + input);
            } else if (routes.get(0) == Route.SUCCESS && imagesFor(input) != 1) {
                problems.add("success with " + imagesFor(input) + " images: " + input);
            }
        }
        ends.keySet().stream().filter(input -> !inputs.contains(input))
                .forEach(input -> problems.add("ended but never sent: " + input));
        return problems;
    }

    private int imagesFor(String input) {
        AtomicInteger count = images.get(input);
        return count == null ? 0 : count.get();
    }

    public List<String> inputs() {
        return inputs;
    }
}
