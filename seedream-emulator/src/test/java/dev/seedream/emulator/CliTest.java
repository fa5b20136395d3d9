/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line, run as a separate JVM exactly like {@code java -jar} would (same main class and classpath). */
class CliTest {

    private static final Pattern LISTENING = Pattern.compile("Seedream emulator listening on (http://\\S+/api/v3)");

    @Test
    void helpListsTheFlags() throws Exception {
        Process process = launch("--help");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out).contains("--port", "--host", "--api-key", "--latency", "--images-per-minute",
                "--max-in-flight", "--url-expiry", "--fault-rate", "--content-policy-trigger", "--seed",
                "--sse-completion", "--retry-after-on-429", "--endpoint", "--not-open-model", "QUOTA_EXCEEDED",
                "SET_LIMIT_EXCEEDED", "ERROR_IN_200");
    }

    @Test
    void unknownFlagExitsWith2AndSaysWhy() throws Exception {
        Process process = launch("--colour", "red");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).contains("unknown option --colour").contains("--help");
    }

    @Test
    void badValueExitsWith2() throws Exception {
        Process process = launch("--latency", "soon");
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).contains("--latency");
    }

    @Test
    void startsPrintsItsUrlServesAndStopsOnSigterm() throws Exception {
        Process process = launch("--port", "0", "--api-key", "cli-key", "--fault-rate", "HTTP_503=1.0");
        try {
            URI base = awaitListening(process);
            HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(base + "/images/generations"))
                    .header("Authorization", "Bearer cli-key")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.body("cli").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the --fault-rate applies").isEqualTo(503);
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exits on SIGTERM").isTrue();
    }

    private static URI awaitListening(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("the emulator never printed its URL");
    }

    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
