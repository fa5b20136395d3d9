/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Tests of one emulator sharing one client, built once per class (as a user builds one per application). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedClientTest {

    /** The test class's default client of {@link #emulator()}. */
    protected SeedreamClient client;

    /** The class's emulator, registered as a static extension so it starts first. */
    abstract SeedreamEmulatorExtension emulator();

    @BeforeAll
    void startClient() {
        client = EmulatorClients.builder(emulator()).build();
    }

    @AfterAll
    void stopClient() {
        client.close();
    }
}
