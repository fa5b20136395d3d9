/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import java.lang.reflect.Method;

/**
 * Runs {@code org.apache.nifi.NiFi} in its own JVM and ends it when the test JVM that started it is gone, however it
 * went (a failed test, Ctrl-C, a killed Surefire fork): no NiFi is ever left running. {@code System.exit} runs NiFi's
 * own shutdown hook, so the flow and repositories are closed as on a normal stop.
 */
public final class NiFiLauncher {

    static final String PARENT_PID = "seedream.it.parent.pid";

    private NiFiLauncher() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(System.getProperty(PARENT_PID));
        Thread watcher = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresent(parent -> parent.onExit().join());
            System.exit(0);
        }, "seedream-it-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        // Reflection: NiFi's classes are on this JVM's class path, not on the tests' compile class path.
        Method main = Class.forName("org.apache.nifi.NiFi").getMethod("main", String[].class);
        main.invoke(null, (Object) args);
    }
}
