/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.budget.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The two Lua scripts of the window ({@code acquire.lua}, {@code give-back.lua}), sent by digest and loaded again
 * when the server does not know them (a restarted or new Redis).
 */
final class BudgetScripts {

    /**
     * What {@code acquire.lua} answered: how many of the callers, in order, were granted, and for the next one how
     * long until enough images leave the window (0 when all were granted).
     */
    record Reply(int granted, long waitMicros) {
    }

    /** A caller's ask: the id of its grant-to-be and its images. */
    record Ask(String grantId, int images) {
    }

    /** A grant the node made while Redis was away: its id, its images now and its age. */
    record Backfill(String id, int images, long ageMicros) {

        /** The grant's member in the window. */
        String member() {
            return id + ":" + images;
        }
    }

    private final Script acquire = Script.named("acquire.lua");
    private final Script giveBack = Script.named("give-back.lua");

    CompletableFuture<Reply> acquire(RedisScriptingAsyncCommands<String, String> redis, String key, int limit,
                                     long keepMicros, List<Backfill> backfills, List<Ask> asks) {
        List<String> args = new ArrayList<>(3 + 2 * backfills.size() + 2 * asks.size());
        args.add(String.valueOf(limit));
        args.add(String.valueOf(keepMicros));
        args.add(String.valueOf(backfills.size()));
        backfills.forEach(backfill -> {
            args.add(backfill.member());
            args.add(String.valueOf(backfill.ageMicros()));
        });
        asks.forEach(ask -> {
            args.add(ask.grantId());
            args.add(String.valueOf(ask.images()));
        });
        return acquire.<List<Object>>run(redis, ScriptOutputType.MULTI, key, args.toArray(String[]::new))
                .thenApply(reply -> new Reply(((Number) reply.get(0)).intValue(), ((Number) reply.get(1)).longValue()));
    }

    CompletableFuture<Long> giveBack(RedisScriptingAsyncCommands<String, String> redis, String key, String member,
                                     int images) {
        return giveBack.run(redis, ScriptOutputType.INTEGER, key, member, String.valueOf(images));
    }

    private record Script(String source, String digest) {

        static Script named(String resource) {
            try (InputStream in = BudgetScripts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing script " + resource);
                }
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Script(source, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(source.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-1", e);
            }
        }

        <T> CompletableFuture<T> run(RedisScriptingAsyncCommands<String, String> redis, ScriptOutputType type,
                                     String key, String... args) {
            String[] keys = {key};
            CompletionStage<T> bySha = redis.<T>evalsha(digest, type, keys, args);
            return bySha.toCompletableFuture().exceptionallyCompose(failure ->
                    failure instanceof RedisNoScriptException || failure.getCause() instanceof RedisNoScriptException
                            ? redis.<T>eval(source, type, keys, args).toCompletableFuture()
                            : CompletableFuture.failedFuture(failure));
        }
    }
}
