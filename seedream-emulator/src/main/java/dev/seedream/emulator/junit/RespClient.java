/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Redis command at a time over a plain loopback socket (RESP2), for test support that must not depend on a
 * Redis client library or on {@code redis-cli}: setting up a {@link RedisCluster}, asking a node what it holds.
 * Each call opens its own connection, which waits at most 5 s for the answer.
 */
public final class RespClient {

    /** What a Redis server answered with an error ({@code -ERR ...}, {@code -CLUSTERDOWN ...}). */
    public static final class ErrorReply extends RuntimeException {
        ErrorReply(String message) {
            super(message);
        }
    }

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private RespClient() {
    }

    /**
     * Sends {@code command} to the server on 127.0.0.1:{@code port} and returns its answer: a {@link String} for a
     * status or bulk string, a {@link Long} for an integer, a {@link List} for an array, {@code null} for a nil.
     *
     * @throws ErrorReply          when the server answered with an error
     * @throws UncheckedIOException when it could not be reached or did not answer in time
     */
    public static Object call(int port, String... command) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(encode(command));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer " + String.join(" ", command), e);
        }
    }

    /** {@link #call} for a command whose answer is text (CLUSTER INFO, CLUSTER NODES, a status). */
    public static String text(int port, String... command) {
        return (String) call(port, command);
    }

    private static byte[] encode(String... command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeAscii(bytes, "*" + command.length + "\r\n");
        for (String argument : command) {
            byte[] value = argument.getBytes(StandardCharsets.UTF_8);
            writeAscii(bytes, "$" + value.length + "\r\n");
            bytes.writeBytes(value);
            writeAscii(bytes, "\r\n");
        }
        return bytes.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream bytes, String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        if (type == -1) {
            throw new EOFException("the server closed the connection");
        }
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new ErrorReply(line);
            case ':' -> Long.parseLong(line);
            case '$' -> bulk(in, Integer.parseInt(line));
            case '*' -> array(in, Integer.parseInt(line));
            default -> throw new IOException("not a RESP2 reply: " + (char) type + line);
        };
    }

    private static String bulk(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] value = in.readNBytes(length);
        if (value.length < length || in.read() != '\r' || in.read() != '\n') {
            throw new EOFException("a bulk string of " + length + " bytes ended early");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static List<Object> array(InputStream in, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        List<Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(read(in));
        }
        return elements;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int next = in.read(); next != -1; next = in.read()) {
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(next);
            previous = next;
        }
        throw new EOFException("a reply line ended early");
    }
}
