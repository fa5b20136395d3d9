/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The grants this node made for one model while they still count (the window and its margin), from Redis or from
 * the local share. The local share is counted against them, so an outage starts with what this node already used of
 * the window, not with a fresh one; and the grants Redis has not seen are written to it when it answers again, so
 * the shared window holds what the provider counts.
 */
final class GrantLog {

    /** One grant; its images shrink when some are given back. Guarded by the log. */
    static final class Entry {
        private final String id;
        private final long grantedAt;
        private int images;
        /** The member Redis holds for it, or null while Redis has not seen it. */
        private String redisMember;

        private Entry(String id, long grantedAt, int images) {
            this.id = id;
            this.grantedAt = grantedAt;
            this.images = images;
        }
    }

    /** Images to take off a member Redis holds: a give-back. */
    record GiveBack(String member, int images) {
    }

    private final long keepNanos;
    private final Deque<Entry> entries = new ArrayDeque<>();

    GrantLog(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    /** Records a grant Redis made: it holds the member {@code <id>:<images>}. */
    synchronized Entry addFromRedis(String id, int images, long now) {
        Entry entry = add(id, images, now);
        entry.redisMember = id + ":" + images;
        return entry;
    }

    /** Records a grant of the local share, which Redis has not seen. */
    synchronized Entry addLocal(String id, int images, long now) {
        return add(id, images, now);
    }

    private Entry add(String id, int images, long now) {
        Entry entry = new Entry(id, now, images);
        entries.addLast(entry);
        return entry;
    }

    /** Images of this node's grants that still count. */
    synchronized int used(long now) {
        prune(now);
        return entries.stream().mapToInt(entry -> entry.images).sum();
    }

    /**
     * How long until {@code images} more fit into {@code share} as the oldest grants leave the window (without
     * give-backs); 0 when they fit now.
     */
    synchronized long nanosUntilRoom(int images, int share, long now) {
        prune(now);
        int free = share - entries.stream().mapToInt(entry -> entry.images).sum();
        for (Entry entry : entries) {
            if (free >= images) {
                break;
            }
            free += entry.images;
            if (free >= images) {
                return Math.max(0, entry.grantedAt + keepNanos - now);
            }
        }
        return free >= images ? 0 : keepNanos;
    }

    /** The grants that still count and that Redis has not seen, with their ages. */
    synchronized List<BudgetScripts.Backfill> unseenByRedis(long now) {
        prune(now);
        List<BudgetScripts.Backfill> unseen = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.redisMember == null && entry.images > 0) {
                unseen.add(new BudgetScripts.Backfill(entry.id, entry.images,
                        TimeUnit.NANOSECONDS.toMicros(now - entry.grantedAt)));
            }
        }
        return unseen;
    }

    /** Whether some grant that still counts was made while Redis was away and is not in its window yet. */
    synchronized boolean hasUnseen(long now) {
        prune(now);
        return entries.stream().anyMatch(entry -> entry.redisMember == null && entry.images > 0);
    }

    /**
     * Redis took these backfilled grants into its window. Returns what Redis must still be given back: images
     * handed back while the backfill was on its way, which it wrote at their old count.
     */
    synchronized List<GiveBack> seenByRedis(List<BudgetScripts.Backfill> backfills) {
        List<GiveBack> catchUp = new ArrayList<>();
        for (BudgetScripts.Backfill backfill : backfills) {
            for (Entry entry : entries) {
                if (entry.redisMember == null && entry.id.equals(backfill.id())) {
                    entry.redisMember = entry.id + ":" + entry.images;
                    if (entry.images < backfill.images()) {
                        catchUp.add(new GiveBack(backfill.member(), backfill.images() - entry.images));
                    }
                    break;
                }
            }
        }
        return catchUp;
    }

    /**
     * Takes up to {@code images} off a grant. Returns the give-back Redis needs (its member is renamed there to the
     * lower count, as here), or null when Redis has not seen the grant (a later backfill writes the lower count) or
     * there was nothing left to give back. A grant given back in full stays until it leaves the window, at 0.
     */
    synchronized GiveBack giveBack(Entry entry, int images) {
        int taken = Math.min(images, entry.images);
        if (taken <= 0) {
            return null;
        }
        entry.images -= taken;
        String member = entry.redisMember;
        if (member == null) {
            return null;
        }
        entry.redisMember = entry.id + ":" + entry.images;
        return new GiveBack(member, taken);
    }

    private void prune(long now) {
        while (!entries.isEmpty() && now - entries.peekFirst().grantedAt >= keepNanos) {
            entries.removeFirst();
        }
    }
}
