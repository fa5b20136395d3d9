/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Separate JVMs for a test that needs processes, not threads — the nodes of a cluster. Each runs a main class of
 * the test class path that prints {@code WARM} when it is ready ({@link #ready()}), starts when it reads {@code GO}
 * ({@link #awaitGo()}), and ends by printing one {@code RESULT name=number …} line ({@link #result(Map)}). The test
 * starts them together, so none has a head start, and stops them by their process handles.
 */
public final class WorkerJvms implements AutoCloseable {

    private static final String WARM = "WARM";
    private static final String GO = "GO";
    private static final String RESULT = "RESULT ";

    private final List<Process> processes = new ArrayList<>();
    private final List<BufferedReader> outputs = new ArrayList<>();

    private WorkerJvms() {
    }

    /** Starts {@code count} JVMs of {@code main} with {@code args} and waits until each is {@code WARM}. */
    public static WorkerJvms start(int count, Class<?> main, String... args) {
        WorkerJvms workers = new WorkerJvms();
        try {
            for (int i = 0; i < count; i++) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", testClassPath(),
                        main.getName()));
                command.addAll(List.of(args));
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                workers.processes.add(process);
                workers.outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : workers.outputs) {
                workers.awaitLine(output, WARM);
            }
            return workers;
        } catch (IOException | RuntimeException e) {
            workers.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Starts every worker at once. */
    public void go() {
        try {
            for (Process process : processes) {
                process.getOutputStream().write((GO + "\n").getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each worker's {@code RESULT}, in start order, once it has exited with 0 (an error names its output). */
    public List<Map<String, Long>> results() {
        List<Map<String, Long>> results = new ArrayList<>();
        try {
            for (int i = 0; i < processes.size(); i++) {
                List<String> lines = outputs.get(i).lines().toList();
                Process process = processes.get(i);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("worker " + i + " failed; its output: " + lines);
                }
                String line = lines.stream().filter(text -> text.startsWith(RESULT)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no RESULT line in: " + lines));
                Map<String, Long> values = new LinkedHashMap<>();
                for (String pair : line.substring(RESULT.length()).split(" ")) {
                    String[] nameAndValue = pair.split("=", 2);
                    values.put(nameAndValue[0], Long.parseLong(nameAndValue[1]));
                }
                results.add(values);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return results;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }

    /** In a worker or its coordinator: {@code name=value} arguments by name, in their order. */
    public static Map<String, String> namedArgs(String... args) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String arg : args) {
            String[] nameAndValue = arg.split("=", 2);
            if (nameAndValue.length != 2) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            named.put(nameAndValue[0], nameAndValue[1]);
        }
        return named;
    }

    /** In a worker: tells the test it is ready. */
    public static void ready() {
        System.out.println(WARM);
        System.out.flush();
    }

    /** In a worker: waits for the test's start signal. */
    public static void awaitGo() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (!GO.equals(line)) {
            throw new IllegalStateException("expected " + GO + " on stdin, got " + line);
        }
    }

    /** In a worker: reports its counters, the last thing it prints. */
    public static void result(Map<String, ?> values) {
        StringBuilder line = new StringBuilder(RESULT.trim());
        values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        System.out.println(line);
        System.out.flush();
    }

    /** Skips what else the worker prints (a library's log lines on stdout) up to the line. */
    private void awaitLine(BufferedReader output, String expected) throws IOException {
        List<String> skipped = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.equals(expected)) {
                return;
            }
            skipped.add(line);
        }
        throw new IllegalStateException("a worker ended before " + expected + ": " + skipped);
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path here. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
