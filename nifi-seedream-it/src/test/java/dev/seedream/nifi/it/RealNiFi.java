/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import dev.seedream.emulator.junit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real NiFi, assembled by the build in {@code target/nifi-<version>} (lib/ only), run here as a deployment script
 * would: this class writes its three conf files, starts {@code org.apache.nifi.NiFi} in a separate JVM on a free
 * loopback port and stops it by its PID. The flow, repositories and conf survive {@link #restart()}; a new
 * {@link #assemble} starts from nothing.
 */
final class RealNiFi implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Everything a run creates; lib/ is the build's. */
    private static final List<String> RUN_STATE = List.of("conf", "launcher", "logs", "run", "work", "state",
            "extensions", "flowfile_repository", "content_repository", "provenance_repository",
            "database_repository", "nar_repository", "assets");

    private final Path home;
    private final int port;
    private final NiFiApi api;
    private Process process;
    private Duration lastStartTime;

    private RealNiFi(Path home, int port) {
        this.home = home;
        this.port = port;
        this.api = new NiFiApi(URI.create("http://127.0.0.1:" + port + "/nifi-api"));
    }

    /** The NiFi under {@code home} (from the {@code nifi.home} system property), wiped of any earlier run. */
    static RealNiFi assemble() {
        Path home = Path.of(Objects.requireNonNull(System.getProperty("nifi.home"),
                "system property nifi.home (set by the build) is missing"));
        if (!Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException(home + "/lib is missing: run the tests with Maven "
                    + "(./mvnw verify -pl nifi-seedream-it -am) so that NiFi is assembled first");
        }
        stopLeftover(home.resolve("run/nifi.pid"));
        RUN_STATE.forEach(dir -> deleteTree(home.resolve(dir)));
        RealNiFi nifi = new RealNiFi(home, FreePorts.loopback());
        nifi.writeConf();
        return nifi;
    }

    NiFiApi api() {
        return api;
    }

    /** {@code http://127.0.0.1:<port>/nifi}: the UI, and the URL site-to-site clients are given. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/nifi");
    }

    Path home() {
        return home;
    }

    Duration lastStartTime() {
        return lastStartTime;
    }

    /** Starts NiFi and returns once its REST API answers. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Instant begin = Instant.now();
        try {
            Files.createDirectories(home.resolve("logs"));
            Files.createDirectories(home.resolve("run"));
            ProcessBuilder builder = new ProcessBuilder(command()).directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("logs/nifi-stdout.log").toFile()));
            process = builder.start();
            Files.writeString(home.resolve("run/nifi.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start NiFi in " + home, e);
        }
        awaitApi(begin.plus(START_TIMEOUT));
        lastStartTime = Duration.between(begin, Instant.now());
    }

    /** SIGTERM (NiFi's graceful shutdown), then SIGKILL if it takes longer than a minute. */
    synchronized void stop() {
        Process running = process;
        process = null;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(home.resolve("run/nifi.pid"));
    }

    void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    /** The last lines of NiFi's application log, for failure messages. */
    String logTail(int lines) {
        Path log = home.resolve("logs/nifi-app.log");
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private List<String> command() throws IOException {
        Path launcherDir = home.resolve("launcher");
        copyLauncherClass(launcherDir);
        List<String> classPath = new ArrayList<>();
        classPath.add(home.resolve("conf").toString());
        classPath.add(launcherDir.toString());
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classPath.add(p.toString()));
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx1536m", "-Djava.awt.headless=true",
                "-Djava.net.preferIPv4Stack=true",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", // Xodus, NiFi's flow-configuration history store
                "-Dnifi.properties.file.path=" + home.resolve("conf/nifi.properties"),
                "-Dlogback.configurationFile=" + home.resolve("conf/logback.xml"),
                "-Dorg.apache.nifi.bootstrap.config.log.dir=" + home.resolve("logs"),
                "-Dorg.apache.nifi.management.server.address=127.0.0.1:" + FreePorts.loopback(),
                "-D" + NiFiLauncher.PARENT_PID + "=" + ProcessHandle.current().pid(),
                "-cp", String.join(java.io.File.pathSeparator, classPath),
                NiFiLauncher.class.getName());
    }

    private void awaitApi(Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("NiFi exited during start (exit " + (process == null ? "?"
                        : process.exitValue()) + "); log tail:\n" + logTail(60));
            }
            if (api.answers("/flow/about")) {
                return;
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("NiFi did not answer within " + START_TIMEOUT + "; log tail:\n" + logTail(60));
    }

    private void writeConf() {
        Path conf = home.resolve("conf");
        try {
            Files.createDirectories(conf);
            String properties = resource("nifi.properties")
                    .replace("{{http.port}}", Integer.toString(port))
                    .replace("{{sensitive.props.key}}", UUID.randomUUID().toString());
            Files.writeString(conf.resolve("nifi.properties"), properties);
            Files.writeString(conf.resolve("state-management.xml"), resource("state-management.xml"));
            Files.writeString(conf.resolve("logback.xml"), resource("logback.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RealNiFi.class.getResourceAsStream("/nifi-conf/" + name)) {
            return new String(Objects.requireNonNull(in, "nifi-conf/" + name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Only the launcher goes on NiFi's class path, not the whole test class folder. */
    private static void copyLauncherClass(Path dir) throws IOException {
        String name = NiFiLauncher.class.getName().replace('.', '/') + ".class";
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = NiFiLauncher.class.getClassLoader().getResourceAsStream(name)) {
            Files.write(target, Objects.requireNonNull(in, name).readAllBytes());
        }
    }

    /** A NiFi of an earlier run that was not stopped (its JVM lost its parent watcher): stop it now. */
    private static void stopLeftover(Path pidFile) {
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).filter(p -> p.info().commandLine().orElse("")
                        .contains(NiFiLauncher.class.getName())).ifPresent(p -> {
                            p.destroyForcibly();
                            p.onExit().join();
                        });
            }
        } catch (IOException | NumberFormatException e) {
            // An unreadable pid file names no process to stop.
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
