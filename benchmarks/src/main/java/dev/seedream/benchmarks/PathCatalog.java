/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks;

import dev.seedream.benchmarks.harness.ImagePath;
import dev.seedream.benchmarks.paths.ArkSdkPath;
import dev.seedream.benchmarks.paths.AsyncHttpClientPath;
import dev.seedream.benchmarks.paths.JdkHttpClientPath;
import dev.seedream.benchmarks.paths.PathSettings;
import dev.seedream.benchmarks.paths.SeedreamClientPath;

import java.util.function.Function;

/** The client-level paths compared, in table order, and which of them a user would write by hand. */
enum PathCatalog {
    SEEDREAM_MEMORY(SeedreamClientPath::memorySink, false),
    SEEDREAM_DISCARDING(SeedreamClientPath::discardingSink, false),
    JDK_HTTP_CLIENT(JdkHttpClientPath::new, true),
    ASYNC_HTTP_CLIENT(AsyncHttpClientPath::new, true),
    ARK_SDK(ArkSdkPath::new, false);

    private final Function<PathSettings, ImagePath> factory;
    private final boolean handWritten;

    PathCatalog(Function<PathSettings, ImagePath> factory, boolean handWritten) {
        this.factory = factory;
        this.handWritten = handWritten;
    }

    ImagePath create(PathSettings settings) {
        return factory.apply(settings);
    }

    boolean handWritten() {
        return handWritten;
    }
}
