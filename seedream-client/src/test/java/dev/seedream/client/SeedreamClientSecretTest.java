/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.FaultSpec;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.SeedreamEmulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;

/** The API key must not appear in anything the client writes or throws, on any error path. */
class SeedreamClientSecretTest {

    private static final String SECRET = "sk-live-5ecret-DO-NOT-LEAK-1234567890";

    @Test
    void theKeyNeverAppearsInExceptionsToStringOrLogs() {
        List<String> seen = new ArrayList<>();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (SeedreamEmulator emulator = SeedreamEmulator.start(EmulatorConfig.builder().latency(Latency.none())
                .apiKeys(SECRET).build());
             SeedreamClient client = EmulatorClients.builder(emulator).apiKey(SECRET)
                     .requestTimeout(Duration.ofMillis(400)).maxRetries(1).build();
             SeedreamClient wrongKey = EmulatorClients.builder(emulator).apiKey(SECRET + "-wrong").build()) {
            seen.add(client.toString());
            emulator.faults().schedule(FaultSpec.http429(0), FaultSpec.of(Fault.HTTP_500), FaultSpec.of(Fault.HTTP_500),
                    FaultSpec.of(Fault.RESET_MID_BODY), FaultSpec.of(Fault.MALFORMED_JSON),
                    FaultSpec.of(Fault.STALL), FaultSpec.of(Fault.STALL));
            for (int i = 0; i < 4; i++) {
                ImageRequest request = b64("leak check " + i).build();
                seen.add(describeOutcome(() -> client.generate(request)));
            }
            seen.add(describeOutcome(() -> client.generate(b64("forbidden words").build())));
            seen.add(describeOutcome(() -> wrongKey.generate(b64("wrong key").build())));
            seen.add(describeOutcome(() -> client.generate(ImageRequest.builder().prompt(" ").build())));
        } finally {
            System.setErr(originalErr);
        }
        seen.add(captured.toString(StandardCharsets.UTF_8));

        assertThat(seen.get(seen.size() - 1)).as("the client logged its retries").contains("retrying");
        assertThat(seen).hasSizeGreaterThan(5).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
    }

    private static String describeOutcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return e + "\n" + trace;
        }
    }
}
