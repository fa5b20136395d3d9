/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.budget.redis.RedisImageBudget;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.ssl.SSLContextProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How the budget service reaches Redis, from its properties: the URI for {@link RedisImageBudget} (credentials
 * percent-encoded, so any password works), the address without them for every message, and Verify's PING.
 * {@link #toString()} shows the address only.
 *
 * @param host     host name or IP address
 * @param port     TCP port
 * @param cluster  whether the address is one node of a Redis Cluster
 * @param username ACL user, or null for the default user
 * @param password the password (a secret), or null
 * @param tls      the SSL Context Service, or null for plain TCP
 * @param timeout  the Communication Timeout
 */
record RedisConnection(String host, int port, boolean cluster, String username, String password,
                       SSLContextProvider tls, Duration timeout) {

    /** The first TLS handshake of a JVM loads its classes: Verify's connection may take longer than a command. */
    private static final Duration VERIFY_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** {@code redis://host:port} or {@code rediss://host:port}: what messages name. */
    String address() {
        return (tls == null ? "redis://" : "rediss://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Hides the password in a text from Redis or Lettuce, should one ever quote it. */
    String redact(String text) {
        return password == null || password.isEmpty() || text == null ? text : text.replace(password, "****");
    }

    /** The connection settings of a budget; the caller adds the budget's own. */
    RedisImageBudget.Builder budgetBuilder() {
        RedisImageBudget.Builder builder = RedisImageBudget.builder().uri(uri()).cluster(cluster).timeout(timeout);
        if (tls != null) {
            builder.trustManager(tls.createTrustManager());
            tls.createKeyManager().ifPresent(builder::keyManager);
        }
        return builder;
    }

    /**
     * The budget of these settings for Verify: like {@link #budgetBuilder()}'s, with time for the first TLS
     * handshake of the JVM.
     */
    RedisImageBudget.Builder probeBuilder() {
        return budgetBuilder().connectTimeout(timeout.compareTo(VERIFY_CONNECT_TIMEOUT) > 0 ? timeout
                : VERIFY_CONNECT_TIMEOUT);
    }

    /** Sends PING over {@code budget}'s connection (which connects first, if it must). */
    ConfigVerificationResult ping(RedisImageBudget budget, VerificationStep step) {
        long start = System.nanoTime();
        try {
            String reply = budget.ping().get();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return step.passed("Redis at " + address() + " answered " + reply + " (connected and answered in " + millis
                    + " ms; Communication Timeout " + timeout.toMillis() + " ms)");
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            Throwable cause = failure.getCause();
            return step.failed("Redis at " + address() + " did not answer PING: " + redact(failure.toString())
                    + (cause == null ? "" : " (" + redact(cause.toString()) + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return step.failed("Interrupted while waiting for Redis at " + address() + " to answer PING");
        }
    }

    @Override
    public String toString() {
        return address();
    }

    private String uri() {
        String credentials = password == null ? ""
                : (username == null ? "" : encode(username)) + ":" + encode(password) + "@";
        return (tls == null ? "redis://" : "rediss://") + credentials
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, which Lettuce decodes back. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }
}
