/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedream.emulator.Fault;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.seedream.nifi.AbstractSeedreamProcessor.FAILURE;
import static dev.seedream.nifi.AbstractSeedreamProcessor.ORIGINAL;
import static dev.seedream.nifi.AbstractSeedreamProcessor.RETRY;
import static dev.seedream.nifi.AbstractSeedreamProcessor.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

class BatchGenerateImagesSeedreamTest extends SeedreamTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRunner runner = runner(new BatchGenerateImagesSeedream());

    @BeforeEach
    void addRecordServices() throws InitializationException {
        JsonRecordServices.Reader reader = new JsonRecordServices.Reader();
        JsonRecordServices.Writer writer = new JsonRecordServices.Writer();
        runner.addControllerService("reader", reader);
        runner.addControllerService("writer", writer);
        runner.enableControllerService(reader);
        runner.enableControllerService(writer);
        runner.setProperty(BatchGenerateImagesSeedream.RECORD_READER, "reader");
        runner.setProperty(BatchGenerateImagesSeedream.RECORD_WRITER, "writer");
    }

    @Test
    void emitsAnImagePerGoodRecordAndTheBadRecordsWithTheirErrors() throws IOException {
        runner.enqueue("""
                [{"prompt": "a fox", "seed": 1},
                 {"prompt": "something forbidden"},
                 {"prompt": "a bear", "size": "1x1"},
                 {"size": "2K"},
                 {"prompt": "two owls", "max_images": 2}]""");

        runner.run();

        List<MockFlowFile> images = runner.getFlowFilesForRelationship(SUCCESS);
        assertThat(images).hasSize(3);
        assertThat(images).extracting(image -> image.getAttribute("seedream.record.index"))
                .containsExactlyInAnyOrder("0", "4", "4");
        runner.assertTransferCount(ORIGINAL, 1);
        runner.assertTransferCount(RETRY, 0);
        MockFlowFile failed = runner.getFlowFilesForRelationship(FAILURE).get(0);
        failed.assertAttributeEquals("record.count", "3");
        failed.assertAttributeEquals("mime.type", "application/json");
        JsonNode rows = JSON.readTree(failed.getContent());
        assertThat(rows).hasSize(3);
        assertThat(codes(rows)).containsExactlyInAnyOrder("InputTextSensitiveContentDetected", "ValidationFailed",
                "InvalidInput");
        assertThat(rows.findValuesAsText("prompt")).contains("something forbidden", "a bear");
        assertThat(emulator.stats().generationRequests()).as("bad rows never reach the API but the forbidden one")
                .isEqualTo(3);
        assertApiKeyNowhere(runner);
    }

    @Test
    void transientFailuresGoToRetryAsRecordsPenalized() throws IOException {
        runner.setProperty(BatchGenerateImagesSeedream.MAX_RECORDS_IN_FLIGHT, "1");
        emulator.faults().schedule(Fault.HTTP_500);
        runner.enqueue("[{\"prompt\": \"first\"}, {\"prompt\": \"second\"}]");

        runner.run();

        runner.assertTransferCount(SUCCESS, 1);
        runner.assertTransferCount(ORIGINAL, 1);
        MockFlowFile retry = runner.getFlowFilesForRelationship(RETRY).get(0);
        assertThat(retry.isPenalized()).isTrue();
        JsonNode rows = JSON.readTree(retry.getContent());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("prompt").asText()).isEqualTo("first");
        assertThat(rows.get(0).get(FailedRecords.HTTP_STATUS_FIELD).asInt()).isEqualTo(500);
    }

    @Test
    void anExhaustedQuotaStopsSendingTheRestOfTheInput() throws IOException {
        runner.setProperty(BatchGenerateImagesSeedream.MAX_RECORDS_IN_FLIGHT, "1");
        emulator.faults().schedule(Fault.QUOTA_EXCEEDED);
        runner.enqueue("[{\"prompt\": \"one\"}, {\"prompt\": \"two\"}, {\"prompt\": \"three\"}]");

        runner.run();

        assertThat(emulator.stats().generationRequests()).as("one answer is enough to know").isEqualTo(1);
        assertThat(runner.isYieldCalled()).isTrue();
        runner.assertTransferCount(SUCCESS, 0);
        runner.assertTransferCount(ORIGINAL, 1);
        JsonNode rows = JSON.readTree(runner.getFlowFilesForRelationship(RETRY).get(0).getContent());
        assertThat(codes(rows)).containsExactly("QuotaExceeded", CallFailure.NOT_SENT_CODE, CallFailure.NOT_SENT_CODE);
        assertThat(rows.get(0).get(FailedRecords.REQUEST_ID_FIELD).asText()).startsWith("021");
        assertThat(rows.get(1).get(FailedRecords.REQUEST_ID_FIELD).isNull()).isTrue();
        assertThat(runner.getLogger().getErrorMessages()).hasSize(1);
    }

    @Test
    void aRecordStillRunningAtTheRunTimeoutIsCancelledAndGoesToRetryWithTheUnsentOnes() throws Exception {
        runner.setProperty(BatchGenerateImagesSeedream.MAX_RECORDS_IN_FLIGHT, "1");
        stallTheNextRequestPastTheRunTimeout(runner);
        runner.enqueue("[{\"prompt\": \"stalls\"}, {\"prompt\": \"never sent\"}]");

        runner.run();

        assertThat(emulator.stats().generationRequests()).isEqualTo(1);
        runner.assertTransferCount(SUCCESS, 0);
        runner.assertTransferCount(ORIGINAL, 1);
        JsonNode rows = JSON.readTree(runner.getFlowFilesForRelationship(RETRY).get(0).getContent());
        assertThat(rows.findValuesAsText("prompt")).containsExactly("stalls", "never sent");
        assertThat(codes(rows)).containsExactly(CallFailure.DEADLINE_CODE, CallFailure.DEADLINE_CODE);
        assertThat(runner.isYieldCalled()).as("a deadline is no rate limit").isFalse();
        assertNoRequestLeftInFlight(runner);
    }

    @Test
    void propertiesAreDefaultsThatRecordFieldsOverride() {
        runner.setProperty(RequestOptions.SEED, "${default.seed}");
        runner.enqueue("[{\"prompt\": \"a\"}, {\"prompt\": \"b\", \"seed\": 9}]", Map.of("default.seed", "5"));

        runner.run();

        assertThat(runner.getFlowFilesForRelationship(SUCCESS))
                .extracting(image -> image.getAttribute("seedream.record.index") + "=" + image.getAttribute("seedream.seed"))
                .containsExactlyInAnyOrder("0=5", "1=9");
    }

    @Test
    void manyRecordsFlowThroughASmallWindow() {
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            records.append(i == 0 ? "" : ",").append("{\"prompt\": \"picture ").append(i).append("\"}");
        }
        runner.setProperty(BatchGenerateImagesSeedream.MAX_RECORDS_IN_FLIGHT, "4");
        runner.enqueue(records.append(']').toString());

        runner.run();

        runner.assertTransferCount(SUCCESS, 20);
        runner.assertTransferCount(FAILURE, 0);
        runner.assertTransferCount(ORIGINAL, 1);
    }

    @Test
    void unreadableInputGoesToFailure() {
        runner.enqueue("not json at all");

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        MockFlowFile failed = runner.getFlowFilesForRelationship(FAILURE).get(0);
        failed.assertAttributeEquals("seedream.error.code", "InvalidRecords");
        assertThat(failed.getContent()).isEqualTo("not json at all");
    }

    @Test
    void fullDownstreamQueueLeavesTheInputUntouched() {
        runner.setRelationshipUnavailable(FAILURE);
        runner.enqueue("[{\"prompt\": \"a fox\"}]");

        runner.run();

        assertThat(runner.getQueueSize().getObjectCount()).isEqualTo(1);
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void verifyChecksTheDefaults() {
        runner.setProperty(RequestOptions.MAX_IMAGES, "${n}");

        List<ConfigVerificationResult> good = runner.verify(Map.of("n", "3"));
        List<ConfigVerificationResult> bad = runner.verify(Map.of("n", "40"));

        assertThat(good).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(bad.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(bad.get(1).getExplanation()).contains("max_images");
    }

    private static List<String> codes(JsonNode rows) {
        List<String> codes = new ArrayList<>();
        rows.forEach(row -> codes.add(row.get(FailedRecords.ERROR_CODE_FIELD).asText()));
        return codes;
    }
}
