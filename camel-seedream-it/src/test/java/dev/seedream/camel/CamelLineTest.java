/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.support.DefaultComponent;
import org.junit.jupiter.api.Test;

/** The route tests ran on the Camel line this module names, not on the one the component was built with. */
class CamelLineTest extends SeedreamTestSupport {

    @Test
    void theCamelContextAndTheComponentsBaseClassComeFromTheLineUnderTest() {
        String line = System.getProperty("camel.line");
        assertThat(context.getVersion()).isEqualTo(line);
        String supportJar = DefaultComponent.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(supportJar).endsWith("camel-support-" + line + ".jar");
    }
}
