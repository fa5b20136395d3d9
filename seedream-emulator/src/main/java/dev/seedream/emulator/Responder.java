/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.function.Supplier;

/** What both ways of answering a generation (one JSON body, or a stream of events) work with. */
abstract class Responder {

    protected final ResponseWriter writer;
    protected final FaultInjector faults;
    protected final FileStore files;
    protected final StatsRecorder stats;
    protected final Supplier<EmulatorConfig> config;

    Responder(ResponseWriter writer, FaultInjector faults, FileStore files, StatsRecorder stats,
              Supplier<EmulatorConfig> config) {
        this.writer = writer;
        this.faults = faults;
        this.files = files;
        this.stats = stats;
        this.config = config;
    }
}
