/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long the emulator takes to "generate" one image. Group requests pay it once per image, in sequence, as the
 * provider generates a set one image after another.
 */
public final class Latency {

    /** Long-tail samples are capped at this multiple of the median so one draw cannot stall a test for hours. */
    private static final double LONG_TAIL_CAP = 50;
    private static final double DEFAULT_SIGMA = 0.8;

    private final String spec;
    private final Sampler sampler;

    @FunctionalInterface
    private interface Sampler {
        long nanos(RandomGenerator random);
    }

    private Latency(String spec, Sampler sampler) {
        this.spec = spec;
        this.sampler = sampler;
    }

    public static Latency none() {
        return new Latency("none", r -> 0);
    }

    public static Latency fixed(Duration perImage) {
        long nanos = nonNegative(perImage).toNanos();
        return new Latency("fixed:" + Durations.format(perImage), r -> nanos);
    }

    public static Latency uniform(Duration min, Duration max) {
        long lo = nonNegative(min).toNanos();
        long hi = nonNegative(max).toNanos();
        if (hi < lo) {
            throw new IllegalArgumentException("uniform latency needs min <= max");
        }
        return new Latency("uniform:" + Durations.format(min) + "-" + Durations.format(max),
                r -> hi == lo ? lo : r.nextLong(lo, hi + 1));
    }

    /** Log-normal around {@code median} with shape 0.8: most images near the median, a few many times slower. */
    public static Latency longTail(Duration median) {
        return longTail(median, DEFAULT_SIGMA);
    }

    /** Log-normal: {@code median * exp(sigma * N(0,1))}, capped at 50 × median. */
    public static Latency longTail(Duration median, double sigma) {
        long m = nonNegative(median).toNanos();
        if (sigma < 0 || Double.isNaN(sigma)) {
            throw new IllegalArgumentException("sigma must be >= 0");
        }
        return new Latency("longtail:" + Durations.format(median) + ":" + sigma,
                r -> (long) Math.min(m * LONG_TAIL_CAP, m * Math.exp(sigma * r.nextGaussian())));
    }

    /** Parses {@code none}, {@code fixed:1s}, {@code uniform:500ms-2s}, {@code longtail:1s} or {@code longtail:1s:1.2}. */
    public static Latency parse(String spec) {
        String[] parts = spec.trim().split(":");
        try {
            return switch (parts[0]) {
                case "none" -> none();
                case "fixed" -> fixed(Durations.parse(parts[1]));
                case "uniform" -> {
                    String[] bounds = parts[1].split("-");
                    yield uniform(Durations.parse(bounds[0]), Durations.parse(bounds[1]));
                }
                case "longtail" -> parts.length > 2
                        ? longTail(Durations.parse(parts[1]), Double.parseDouble(parts[2]))
                        : longTail(Durations.parse(parts[1]));
                default -> throw new IllegalArgumentException("unknown latency kind");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad latency '" + spec
                    + "' (use none, fixed:1s, uniform:500ms-2s or longtail:1s[:sigma]): " + e.getMessage(), e);
        }
    }

    /** One image's latency. */
    public Duration sample(RandomGenerator random) {
        return Duration.ofNanos(sampler.nanos(random));
    }

    private static Duration nonNegative(Duration d) {
        if (Objects.requireNonNull(d, "duration").isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + d);
        }
        return d;
    }

    /** The spec string, parseable by {@link #parse(String)}. */
    @Override
    public String toString() {
        return spec;
    }
}
