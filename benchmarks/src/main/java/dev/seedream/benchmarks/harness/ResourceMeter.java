/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures this JVM over one phase: process CPU time, bytes allocated by all threads (terminated ones included),
 * the peak number of live threads that were not there before the path was created, the peak heap in use, and the peak heap left after a collection (the live data,
 * which is what "heap needed" means; the in-use peak also counts garbage not yet collected). Meant for a JVM that
 * runs one path at a time: everything in the process is counted.
 */

public final class ResourceMeter implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeapUsed = new AtomicLong();
    private final AtomicLong peakHeapAfterGc = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                    .mapToLong(MemoryUsage::getUsed).sum();
            peakHeapAfterGc.accumulateAndGet(after, Math::max);
        }
    };
    private final long startCpu;
    private final long startAllocated;
    private final long startNanos;
    private final Set<Long> baselineThreads;
    private final AtomicLong peakThreadsAdded = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private ResourceMeter(Set<Long> baselineThreads) {
        this.baselineThreads = baselineThreads;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
                emitters.add(emitter);
            }
        }
        this.sampler = new Thread(this::sample, "resource-meter");
        sampler.setDaemon(true);
        sample(); // the first values, before the sampler thread itself counts
        this.startCpu = os.getProcessCpuTime();
        this.startAllocated = threads.getTotalThreadAllocatedBytes();
        this.startNanos = System.nanoTime();
        sampler.start();
    }

    /**
     * Starts measuring now.
     *
     * @param baselineThreads ids of the threads alive before the path under test was created: threads beyond them
     *                        are the path's (ids, not a count, because other pools' idle threads may end meanwhile)
     */
    public static ResourceMeter start(Set<Long> baselineThreads) {
        return new ResourceMeter(baselineThreads);
    }

    /** Live threads of this JVM now. */
    public static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Names of the live threads that are not in {@code baseline}, by pool (the name with its numbers as N). */
    public static Map<String, Long> threadsBeyond(Set<Long> baseline) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !baseline.contains(thread.threadId()))
                .filter(thread -> !thread.getName().equals("resource-meter"))
                .collect(Collectors.groupingBy(
                        thread -> thread.getName().replaceAll("\\d+", "N"),
                        TreeMap::new, Collectors.counting()));
    }

    /** Ids of the live threads now, to compare against later. */
    public static Set<Long> threadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::threadId)
                .collect(Collectors.toSet());
    }

    private void sample() {
        do {
            long added = 0;
            for (long id : threads.getAllThreadIds()) {
                if (!baselineThreads.contains(id) && id != sampler.threadId()) {
                    added++;
                }
            }
            peakThreadsAdded.accumulateAndGet(added, Math::max);
            peakHeapUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            if (Thread.currentThread() != sampler) {
                return;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        } while (running);
    }

    /** Stops measuring and returns what was used since {@link #start}. */
    public ResourceUsage stop() {
        long cpu = os.getProcessCpuTime() - startCpu;
        long allocated = threads.getTotalThreadAllocatedBytes() - startAllocated;
        long elapsed = System.nanoTime() - startNanos;
        close();
        return new ResourceUsage(elapsed, cpu, allocated, (int) peakThreadsAdded.get(), peakHeapUsed.get(),
                peakHeapAfterGc.get());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // already removed by an earlier close
            }
        }
        emitters.clear();
    }
}
