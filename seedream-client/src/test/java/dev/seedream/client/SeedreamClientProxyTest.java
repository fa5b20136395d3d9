/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The emulator stands in for a forward proxy: the base URL names a reserved host that is never looked up
 * ({@code .invalid}), and the emulator counts the requests that came in proxy form.
 */
class SeedreamClientProxyTest {

    private static final String UNRESOLVABLE_BASE = "http://seedream.invalid/api/v3";

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).build());

    @Test
    void sendsApiCallsAndImageDownloadsThroughTheProxy() throws Exception {
        try (SeedreamClient client = proxiedClient().proxy("127.0.0.1", emulator.port(), "proxy-user", "proxy-pw")
                .build()) {
            GenerationResult<byte[]> inline = client.generate(b64("a lighthouse through a proxy").build());
            GenerationResult<byte[]> linked = client.generate(b64("a harbour through a proxy")
                    .responseFormat(ResponseFormat.URL).build());

            assertThat(inline.firstImage().content()).startsWith((byte) 0xFF, (byte) 0xD8);
            assertThat(linked.firstImage().url()).startsWith("http://seedream.invalid/");
            assertThat(linked.firstImage().content()).as("downloaded through the proxy").startsWith((byte) 0xFF, (byte) 0xD8);
        }
        assertThat(emulator.stats().generationRequests()).isEqualTo(2);
        assertThat(emulator.stats().proxiedRequests()).isEqualTo(2);
    }

    @Test
    void rejectsAnIncompleteProxySetting() {
        assertThatThrownBy(() -> SeedreamClient.builder().proxy("127.0.0.1", 0, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("proxy port must be 1-65535, got 0");
        assertThatThrownBy(() -> SeedreamClient.builder().proxy("127.0.0.1", 3128, "user", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("proxy user and password must be given together");
        assertThatThrownBy(() -> SeedreamClient.builder().proxy(" ", 3128, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("proxy host must not be blank");
    }

    private static SeedreamClient.Builder proxiedClient() {
        return EmulatorClients.builder(emulator).baseUrl(UNRESOLVABLE_BASE);
    }
}
