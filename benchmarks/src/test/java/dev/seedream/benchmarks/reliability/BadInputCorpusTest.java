/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.camel.SeedreamComponent;
import dev.seedream.camel.SeedreamConfiguration;
import dev.seedream.emulator.SeedreamEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus: every case fails with an error naming the field and the rule, and none of them reaches
 * the emulator.
 */

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    private SeedreamEmulator emulator;
    private CamelContext camel;
    /** Each case's error, written to target/bad-input-corpus.md for BENCHMARKS.md. */
    private final Map<String, String> errors = new ConcurrentSkipListMap<>();

    @BeforeAll
    void start() {
        emulator = SeedreamEmulator.start();
        camel = new DefaultCamelContext();
        SeedreamConfiguration defaults = camel.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(emulator.baseUri().toString());
        defaults.setApiKey("test-key");
        defaults.setImagesPerMinute(0);
        camel.start();
    }

    @AfterAll
    void stop() throws IOException {
        camel.stop();
        emulator.close();
        StringBuilder table = new StringBuilder("| Case | Error (first line) |\n|---|---|\n");
        errors.forEach((name, error) -> table.append("| ").append(name).append(" | ")
                .append(error.replace("|", "\\|")).append(" |\n"));
        Files.writeString(Path.of("target", "bad-input-corpus.md"), table);
    }

    Stream<BadInput> corpus() {
        List<BadInput> cases = new ArrayList<>(ClientBadInputs.cases(emulator.baseUri()));
        cases.addAll(CamelBadInputs.cases(camel));
        cases.addAll(NifiBadInputs.cases(emulator.baseUri()));
        return cases.stream();
    }

    @Test
    void coversAtLeastFortyCasesOnEverySurface() {
        List<BadInput> cases = corpus().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).extracting(BadInput::surface).contains("client", "camel", "nifi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void failsNamingTheFieldAndTheRuleWithoutARequest(BadInput input) {
        long before = emulator.stats().generationRequests();
        String error = input.errorText();
        errors.put(input.toString(), error.lines().findFirst().orElse("").strip());
        assertThat(error.toLowerCase(Locale.ROOT)).as("error of %s", input)
                .contains(input.expected().stream().map(word -> word.toLowerCase(Locale.ROOT)).toList());
        assertThat(emulator.stats().generationRequests() - before).as("requests the emulator received").isZero();
    }
}
