/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's executable jar in its own JVM, on a free port of 127.0.0.1. Benchmarks use it out of process so
 * the CPU time and allocation measured in this JVM are the client's alone; settings change between scenarios
 * through the admin API instead of a restart, so the image cache stays warm.
 */
public final class EmulatorProcess implements AutoCloseable {

    public static final String API_KEY = "bench-key";

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/api/v3)");

    private final Process process;
    private final URI baseUri;
    private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private EmulatorProcess(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /**
     * Starts the jar with no latency, no rate limit and two event loops, and waits for its "listening" line.
     *
     * @param extraArgs more CLI flags, e.g. {@code --images-per-minute 500}
     */
    public static EmulatorProcess start(Path jar, String... extraArgs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Emulator jar not found at " + jar
                    + ": build it with ./mvnw -pl seedream-emulator package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx1g", "-Djava.awt.headless=true", "-jar", jar.toString(),
                "--host", "127.0.0.1", "--port", "0", "--api-key", API_KEY, "--latency", "none",
                "--images-per-minute", "0", "--io-threads", "2", "--render-threads", "2"));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // A benchmark stopped with Ctrl-C must not leave the emulator running.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "emulator-stopper"));
            return new EmulatorProcess(process, awaitBaseUri(process));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the emulator", e);
        }
    }

    /** Finds the emulator jar beside this module: {@code -Dseedream.emulator.jar} or {@code ../seedream-emulator/target}. */
    public static Path defaultJar() {
        String configured = System.getProperty("seedream.emulator.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("seedream-emulator/target/seedream-emulator.jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of("seedream-emulator/target/seedream-emulator.jar");
    }

    private static URI awaitBaseUri(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<URI> found = new CompletableFuture<>();
        // Keeps draining the output afterwards so the emulator never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    }
                }
                found.completeExceptionally(new IllegalStateException("Emulator exited with " + process.waitFor()));
            } catch (IOException | InterruptedException e) {
                found.completeExceptionally(e);
            }
        }, "emulator-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return found.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Emulator did not start", e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** Changes run-time settings, e.g. {@code {"latency":"fixed:1s"}}. */
    public void configure(String json) {
        post("/__emulator/config", json);
    }

    /** Counters, faults and settings back to the start values; the rendered images stay cached. */
    public void reset() {
        post("/__emulator/reset", "{}");
    }

    /** The counters as JSON text. */
    public String stats() {
        return send(HttpRequest.newBuilder(admin("/__emulator/stats")).GET().build());
    }

    private void post(String path, String json) {
        send(HttpRequest.newBuilder(admin(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = admin.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Emulator admin " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI admin(String path) {
        return baseUri.resolve(path);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
