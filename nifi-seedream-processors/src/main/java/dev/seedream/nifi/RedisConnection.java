package dev.seedream.nifi;

import dev.seedream.budget.redis.RedisImageBudget;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.ssl.SSLContextProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * How the budget service reaches Redis, from its properties: the URI for {@link RedisImageBudget} (credentials
 * percent-encoded, so any password works), the address without them for every message, and a PING for Verify.
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

    /** Connects once, sends PING within the Communication Timeout, and disconnects. */
    ConfigVerificationResult ping(VerificationStep step) {
        RedisURI uri = RedisURI.create(uri());
        uri.setTimeout(timeout);
        Duration connectTimeout = timeout.compareTo(VERIFY_CONNECT_TIMEOUT) > 0 ? timeout : VERIFY_CONNECT_TIMEOUT;
        ClientOptions options = ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout)).sslOptions(sslOptions()).build();
        try {
            long start = System.nanoTime();
            String reply = cluster ? pingCluster(uri, options) : pingStandalone(uri, options);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return step.passed("Redis at " + address() + " answered " + reply + " (connected and answered in " + millis
                    + " ms; Communication Timeout " + timeout.toMillis() + " ms)");
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            return step.failed("Redis at " + address() + " did not answer PING: " + redact(e.getMessage())
                    + (cause == null ? "" : " (" + redact(cause.toString()) + ")"));
        }
    }

    @Override
    public String toString() {
        return address();
    }

    private static String pingStandalone(RedisURI uri, ClientOptions options) {
        RedisClient client = RedisClient.create();
        client.setOptions(options);
        try (StatefulRedisConnection<String, String> connection = client.connect(uri)) {
            return connection.sync().ping();
        } finally {
            client.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    private static String pingCluster(RedisURI uri, ClientOptions options) {
        RedisClusterClient client = RedisClusterClient.create(uri);
        client.setOptions(ClusterClientOptions.builder(options).build());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    /** The same TLS settings as {@link #budgetBuilder()} gives the budget. */
    private SslOptions sslOptions() {
        if (tls == null) {
            return SslOptions.create();
        }
        return SslOptions.builder().jdkSslProvider().sslContext(context -> {
            context.trustManager(tls.createTrustManager());
            tls.createKeyManager().ifPresent(context::keyManager);
        }).build();
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
