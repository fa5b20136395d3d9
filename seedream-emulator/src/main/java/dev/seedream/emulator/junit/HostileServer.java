/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server that answers every request with a scripted answer: for what the emulator, which always follows
 * the contract, never sends — broken numbers, huge or endless bodies, echoed keys, redirects to internal addresses.
 * Answers are taken in order, one per request, on any path; when the script is empty the default answers. Every
 * request is recorded. Bodies are written by a {@link Body}, so a gigabyte never exists in memory.
 *
 * <pre>{@code
 * try (HostileServer server = HostileServer.start("127.0.0.1")) {
 *     server.then(HostileServer.json(200, "{\"created\":9223372036854775807,\"data\":[]}"));
 *     // ... a client with base URL server.baseUri() + "/api/v3" ...
 *     assertThat(server.requests()).hasSize(1);
 * }
 * }</pre>
 */
public final class HostileServer implements AutoCloseable {

    /** Writes a response body; {@code length} -1 sends it chunked. */
    public interface Body {
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    /** One answer: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, Body body) {
        public Answer {
            headers = Map.copyOf(headers);
        }

        /** The same answer with one more header. */
        public Answer withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body);
        }
    }

    /** What one request carried. */
    public record Request(String method, String path, Map<String, List<String>> headers, String localAddress) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hostile-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer otherwise = json(500, "{\"error\":{\"code\":\"InternalServiceError\",\"message\":\"unscripted\"}}");

    private HostileServer(String host) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** Listens on {@code host} (a loopback address such as 127.0.0.1 or 127.0.0.2), any free port. */
    public static HostileServer start(String host) {
        return new HostileServer(host);
    }

    /** A complete JSON body. */
    public static Answer json(int status, String body) {
        return bytes(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete Server-Sent Events body. */
    public static Answer events(String body) {
        return bytes(200, "text/event-stream", body.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer bytes(int status, String contentType, byte[] body) {
        return new Answer(status, Map.of("Content-Type", contentType), new Body() {
            @Override
            public long length() {
                return body.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(body);
            }
        });
    }

    /** A chunked body of {@code prefix}, then {@code filler} repeated until {@code total} bytes, then {@code suffix}. */
    public static Answer generated(int status, String contentType, String prefix, byte filler, long total,
                                   String suffix) {
        return new Answer(status, Map.of("Content-Type", contentType), new Body() {
            @Override
            public long length() {
                return -1;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
                byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
                out.write(head);
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, filler);
                for (long left = total - head.length - tail.length; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                out.write(tail);
            }
        });
    }

    /** A redirect to {@code location}. */
    public static Answer redirect(int status, String location) {
        return new Answer(status, Map.of("Location", location), bytes(status, "text/plain", new byte[0]).body());
    }

    /** Queues the next answers, in order. */
    public synchronized HostileServer then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** The answer once the script is used up. */
    public HostileServer otherwise(Answer answer) {
        this.otherwise = answer;
        return this;
    }

    /** {@code http://host:port}, without a path. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getLocalAddress().getAddress().getHostAddress()));
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        Answer answer;
        synchronized (this) {
            answer = script.isEmpty() ? otherwise : script.poll();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        long length = answer.body().length();
        exchange.sendResponseHeaders(answer.status(), length < 0 ? 0 : length == 0 ? -1 : length);
        try (OutputStream out = exchange.getResponseBody()) {
            answer.body().writeTo(out);
        } catch (IOException clientWentAway) {
            // the client under test closed the connection: what many tests want
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
