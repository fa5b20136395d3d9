/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real NiFi for the whole test run: assembled and started before the first test class that needs it, stopped
 * when JUnit closes its root store at the end of the run (and, should this JVM die first, by {@link NiFiLauncher}).
 */
final class RealNiFiExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RealNiFiTest.nifi = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(RealNiFi.class, key -> {
                    RealNiFi nifi = RealNiFi.assemble();
                    nifi.start();
                    System.out.println("NiFi " + System.getProperty("nifi.version") + " started in "
                            + nifi.lastStartTime().toMillis() + " ms at " + nifi.uri());
                    return nifi;
                }, RealNiFi.class);
    }
}
