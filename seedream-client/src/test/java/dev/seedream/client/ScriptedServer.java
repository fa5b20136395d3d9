package dev.seedream.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that answers generation requests with scripted answers, one per request, and records each
 * request's headers: for what the emulator, which always behaves, never sends.
 */
final class ScriptedServer implements AutoCloseable {

    /** One scripted answer; {@code serverId} null sends no {@code X-Request-Id}. */
    record Answer(int status, String contentType, String body, String serverId) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, null);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> clientRequestIds = new CopyOnWriteArrayList<>();

    ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v3/images/generations", this::answer);
        server.start();
    }

    synchronized ScriptedServer then(Answer answer) {
        answers.add(answer);
        return this;
    }

    /** The {@code X-Client-Request-Id} of each request received, in order. */
    List<String> clientRequestIds() {
        return clientRequestIds;
    }

    SeedreamClient.Builder client(int retries) {
        return SeedreamClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3")
                .apiKey(EmulatorClients.KEY).imagesPerMinute(0).retryPolicy(RetryPolicy.defaults()
                        .withDelays(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(20))
                        .withMaxRetries(retries));
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        clientRequestIds.add(exchange.getRequestHeaders().getFirst("X-Client-Request-Id"));
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        Answer answer = answers.isEmpty() ? Answer.json(500, "{}") : answers.poll();
        if (answer.serverId() != null) {
            exchange.getResponseHeaders().add("X-Request-Id", answer.serverId());
        }
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
