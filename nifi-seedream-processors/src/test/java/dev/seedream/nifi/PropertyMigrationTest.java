/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.processor.Processor;
import org.apache.nifi.util.PropertyMigrationResult;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A flow saved with the processors' former property names loads with its values under the new names. */
class PropertyMigrationTest {

    @Test
    void generateTakesBatchSizeAsMaxFlowFilesPerRunAndMaxWaitTimeAsRunTimeout() {
        assertFlowFileProcessorMigrates(new GenerateImageSeedream());
    }

    @Test
    void editTakesBatchSizeAsMaxFlowFilesPerRunAndMaxWaitTimeAsRunTimeout() {
        assertFlowFileProcessorMigrates(new EditImageSeedream());
    }

    @Test
    void batchTakesMaxWaitTimeAsRunTimeoutAndKeepsMaxRecordsInFlight() {
        TestRunner runner = TestRunners.newTestRunner(new BatchGenerateImagesSeedream());
        runner.setProperty("Max Wait Time", "3 mins");
        runner.setProperty(BatchGenerateImagesSeedream.MAX_RECORDS_IN_FLIGHT, "4");

        PropertyMigrationResult result = runner.migrateProperties();

        assertThat(result.getPropertiesRenamed()).containsExactly(Map.entry("Max Wait Time", "Run Timeout"));
        assertThat(runner.getProcessContext().getProperty(AbstractSeedreamProcessor.RUN_TIMEOUT).getValue())
                .isEqualTo("3 mins");
        assertThat(runner.getProcessContext().getProperty(BatchGenerateImagesSeedream.MAX_RECORDS_IN_FLIGHT)
                .getValue()).isEqualTo("4");
        assertThat(runner.getProcessContext().getProperties().keySet()).extracting(PropertyDescriptor::getName)
                .doesNotContain("Max Wait Time");
    }

    @Test
    void aFlowSavedWithTheNewNamesIsLeftAsItIs() {
        TestRunner runner = TestRunners.newTestRunner(new GenerateImageSeedream());
        runner.setProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN, "7");

        runner.migrateProperties();

        assertThat(runner.getProcessContext().getProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN)
                .getValue()).isEqualTo("7");
        assertThat(runner.getProcessContext().getProperty(AbstractSeedreamProcessor.RUN_TIMEOUT).getValue())
                .isEqualTo(AbstractSeedreamProcessor.RUN_TIMEOUT.getDefaultValue());
    }

    private static void assertFlowFileProcessorMigrates(Processor processor) {
        TestRunner runner = TestRunners.newTestRunner(processor);
        runner.setProperty("Batch Size", "5");
        runner.setProperty("Max Wait Time", "2 mins");

        PropertyMigrationResult result = runner.migrateProperties();

        assertThat(result.getPropertiesRenamed()).containsOnly(Map.entry("Batch Size", "Max FlowFiles Per Run"),
                Map.entry("Max Wait Time", "Run Timeout"));
        assertThat(runner.getProcessContext().getProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN)
                .getValue()).isEqualTo("5");
        assertThat(runner.getProcessContext().getProperty(AbstractSeedreamProcessor.RUN_TIMEOUT).getValue())
                .isEqualTo("2 mins");
        assertThat(runner.getProcessContext().getProperties().keySet()).extracting(PropertyDescriptor::getName)
                .doesNotContain("Batch Size", "Max Wait Time");
    }
}
