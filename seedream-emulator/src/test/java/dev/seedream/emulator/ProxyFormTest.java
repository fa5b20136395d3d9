/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request targets in absolute form, as a client sends them to a forward proxy, written by hand on a socket so the
 * exact target line is under the test's control (clients normalise what they send).
 */
class ProxyFormTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void routesAnAbsoluteTargetByItsPathWhateverTheSchemeCase() throws IOException {
        String body = "{\"model\":\"seedream-4-0-250828\",\"prompt\":\"through a proxy\",\"size\":\"1K\","
                + "\"response_format\":\"url\"}";

        String answer = exchange("POST HTTP://seedream.invalid/api/v3/images/generations HTTP/1.1\r\n"
                + "Host: seedream.invalid\r\nAuthorization: Bearer test-key\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"url\":\"http://seedream.invalid/files/");
        assertThat(emu.stats().proxiedRequests()).isEqualTo(1);
        assertThat(emu.stats().generationRequests()).isEqualTo(1);
    }

    @Test
    void aMalformedAbsoluteTargetIsAnsweredNotDropped() throws IOException {
        String answer = exchange("GET http://seedream.invalid/files/%zz| HTTP/1.1\r\nHost: seedream.invalid\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 404");
        assertThat(emu.stats().proxiedRequests()).isZero();
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emu.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
