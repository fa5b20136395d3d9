/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.emulator.Fault;
import dev.seedream.emulator.FaultSpec;
import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.provenance.ProvenanceEventRecord;
import org.apache.nifi.provenance.ProvenanceEventType;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.MockProcessContext;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.seedream.nifi.AbstractSeedreamProcessor.FAILURE;
import static dev.seedream.nifi.AbstractSeedreamProcessor.ORIGINAL;
import static dev.seedream.nifi.AbstractSeedreamProcessor.RETRY;
import static dev.seedream.nifi.AbstractSeedreamProcessor.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

class GenerateImageSeedreamTest extends SeedreamTestSupport {

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final TestRunner runner = runner(new GenerateImageSeedream());

    @Test
    void generatesOneImageAsChildOfTheInputWithAllAttributes() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "a red fox in snow");
        runner.setProperty(RequestOptions.SEED, "42");
        MockFlowFile input = runner.enqueue("ignored");

        runner.run();

        runner.assertTransferCount(SUCCESS, 1);
        runner.assertTransferCount(ORIGINAL, 1);
        MockFlowFile image = runner.getFlowFilesForRelationship(SUCCESS).get(0);
        assertThat(image.getContentStream()).isNotNull();
        assertThat(java.util.Arrays.copyOf(image.toByteArray(), 3)).isEqualTo(JPEG_MAGIC);
        image.assertAttributeEquals("mime.type", "image/jpeg");
        image.assertAttributeEquals("seedream.model", "seedream-4-0-250828");
        image.assertAttributeEquals("seedream.size", SMALL);
        image.assertAttributeEquals("seedream.seed", "42");
        image.assertAttributeEquals("seedream.image.index", "0");
        image.assertAttributeEquals("seedream.image.count", "1");
        image.assertAttributeEquals("fragment.index", "0");
        image.assertAttributeEquals("fragment.count", "1");
        assertThat(image.getAttribute("filename")).startsWith("seedream-").endsWith("-0.jpg");
        assertThat(image.getAttribute("seedream.request.id")).isNotBlank();
        assertThat(Long.parseLong(image.getAttribute("seedream.usage.output_tokens"))).isPositive();
        assertThat(image.getAttribute("seedream.duration.ms")).matches("\\d+");
        assertThat(image.getAttribute("fragment.identifier")).isNotBlank();
        assertThat(image.getAttribute("seedream.url")).isNull();
        assertThat(runner.getFlowFilesForRelationship(ORIGINAL).get(0).getAttribute("uuid"))
                .isEqualTo(input.getAttribute("uuid"));
        assertApiKeyNowhere(runner);
    }

    @Test
    void recordsReceiveFromTheEndpointAndForkFromTheInput() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "a lighthouse");
        runner.enqueue("");

        runner.run();

        List<ProvenanceEventRecord> events = runner.getProvenanceEvents();
        assertThat(events).extracting(ProvenanceEventRecord::getEventType)
                .containsExactlyInAnyOrder(ProvenanceEventType.RECEIVE, ProvenanceEventType.FORK);
        ProvenanceEventRecord receive = events.stream()
                .filter(event -> event.getEventType() == ProvenanceEventType.RECEIVE).findFirst().orElseThrow();
        assertThat(receive.getTransitUri()).isEqualTo(emulator.baseUri() + "/images/generations");
    }

    @Test
    void groupGenerationEmitsOneFlowFilePerImageSharingAFragmentIdentifier() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "three panels of a comic about a fox");
        runner.setProperty(RequestOptions.MAX_IMAGES, "3");
        runner.enqueue("");

        runner.run();

        List<MockFlowFile> images = runner.getFlowFilesForRelationship(SUCCESS);
        assertThat(images).hasSize(3);
        assertThat(images).extracting(image -> image.getAttribute("fragment.identifier")).containsOnly(
                images.get(0).getAttribute("fragment.identifier"));
        assertThat(images).extracting(image -> image.getAttribute("fragment.index"))
                .containsExactlyInAnyOrder("0", "1", "2");
        assertThat(images).extracting(image -> image.getAttribute("seedream.image.count")).containsOnly("3");
        assertThat(images).extracting(image -> image.getAttribute("filename")).doesNotHaveDuplicates();
        runner.assertTransferCount(ORIGINAL, 1);
    }

    @Test
    void evaluatesExpressionLanguageAgainstEachFlowFile() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "a photo of ${product}");
        runner.setProperty(RequestOptions.SIZE, "${width}x720");
        runner.setProperty(RequestOptions.SEED, "${seed}");
        runner.enqueue("", Map.of("product", "a teapot", "width", "1280", "seed", "7"));

        runner.run();

        runner.assertTransferCount(SUCCESS, 1);
        MockFlowFile image = runner.getFlowFilesForRelationship(SUCCESS).get(0);
        image.assertAttributeEquals("seedream.seed", "7");
        image.assertAttributeEquals("seedream.size", "1280x720");
        assertThat(emulator.stats().requestsForPrompt("a photo of a teapot")).isEqualTo(1);
    }

    @Test
    void readsThePromptFromContentWhenConfigured() {
        runner.setProperty(GenerateImageSeedream.PROMPT_SOURCE, GenerateImageSeedream.SOURCE_CONTENT);
        runner.enqueue("a prompt from the content");

        runner.run();

        runner.assertTransferCount(SUCCESS, 1);
        assertThat(emulator.stats().requestsForPrompt("a prompt from the content")).isEqualTo(1);
    }

    @Test
    void runsWithoutInputOnASchedule() {
        runner.setIncomingConnection(false);
        runner.setProperty(GenerateImageSeedream.PROMPT, "a scheduled sunrise");

        runner.run();

        runner.assertTransferCount(SUCCESS, 1);
        runner.assertTransferCount(ORIGINAL, 0);
        assertThat(runner.getProvenanceEvents()).extracting(ProvenanceEventRecord::getEventType)
                .containsExactly(ProvenanceEventType.RECEIVE);
    }

    @Test
    void putsABatchOfFlowFilesInFlightTogether() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "picture ${i}");
        runner.setProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN, "5");
        for (int i = 0; i < 5; i++) {
            runner.enqueue("", Map.of("i", String.valueOf(i)));
        }

        runner.run();

        runner.assertTransferCount(SUCCESS, 5);
        runner.assertTransferCount(ORIGINAL, 5);
        assertThat(runner.getQueueSize().getObjectCount()).isZero();
        assertThat(emulator.stats().generationRequests()).isEqualTo(5);
    }

    @Test
    void urlResponseFormatKeepsTheLinkAndStillStoresTheImage() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "a url image");
        runner.setProperty(RequestOptions.RESPONSE_FORMAT, RequestOptions.FORMAT_URL);
        runner.enqueue("");

        runner.run();

        MockFlowFile image = runner.getFlowFilesForRelationship(SUCCESS).get(0);
        assertThat(image.getAttribute("seedream.url")).startsWith("http://127.0.0.1:");
        assertThat(image.getSize()).isPositive();
    }

    @Test
    void contentPolicyRejectionGoesToFailureWithErrorAttributes() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "something forbidden");
        runner.enqueue("");

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        MockFlowFile failed = runner.getFlowFilesForRelationship(FAILURE).get(0);
        failed.assertAttributeEquals("seedream.error.code", "InputTextSensitiveContentDetected");
        failed.assertAttributeEquals("seedream.http.status", "400");
        assertThat(failed.getAttribute("seedream.error.message")).contains("sensitive");
        assertThat(failed.getAttribute("seedream.request.id")).as("the provider's id, to quote to support")
                .startsWith("021");
        runner.assertPenalizeCount(0);
        assertApiKeyNowhere(runner);
    }

    @Test
    void groupWhoseEveryImageIsBlockedGoesToFailure() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "one blocked-image please");
        runner.enqueue("");

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        runner.getFlowFilesForRelationship(FAILURE).get(0)
                .assertAttributeEquals("seedream.error.code", "OutputImageSensitiveContentDetected");
    }

    @Test
    void partiallyBlockedGroupDeliversTheOtherImagesAndCountsTheFailure() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "three blocked-image panels");
        runner.setProperty(RequestOptions.MAX_IMAGES, "3");
        runner.enqueue("");

        runner.run();

        runner.assertTransferCount(SUCCESS, 2);
        runner.assertTransferCount(ORIGINAL, 1);
        runner.getFlowFilesForRelationship(SUCCESS).forEach(image ->
                image.assertAttributeEquals("seedream.failed.count", "1"));
    }

    @Test
    void requestInvalidForTheModelFailsBeforeAnyNetworkCall() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "tiny");
        runner.setProperty(RequestOptions.SIZE, "${size}");
        runner.enqueue("", Map.of("size", "10x10"));

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        MockFlowFile failed = runner.getFlowFilesForRelationship(FAILURE).get(0);
        failed.assertAttributeEquals("seedream.error.code", "ValidationFailed");
        failed.assertAttributeEquals("seedream.http.status", "0");
        assertThat(failed.getAttribute("seedream.error.message")).contains("size").contains("pixel area");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void expressionResultThatIsNotANumberFailsWithTheOptionName() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "x");
        runner.setProperty(RequestOptions.SEED, "${seed}");
        runner.enqueue("", Map.of("seed", "lucky"));

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        assertThat(runner.getFlowFilesForRelationship(FAILURE).get(0).getAttribute("seedream.error.message"))
                .isEqualTo("Seed must be a whole number, got 'lucky'");
    }

    @Test
    void rejectedKeyAndUnknownModelGoToFailure() {
        StandardSeedreamConnectionService service =
                (StandardSeedreamConnectionService) runner.getControllerService(SERVICE_ID);
        runner.disableControllerService(service);
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, "another-wrong-key");
        runner.setProperty(service, StandardSeedreamConnectionService.MODEL, "seedream-4-0-999999");
        runner.enableControllerService(service);
        runner.setProperty(GenerateImageSeedream.PROMPT, "a key check");
        runner.enqueue("");

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        MockFlowFile failed = runner.getFlowFilesForRelationship(FAILURE).get(0);
        failed.assertAttributeEquals("seedream.http.status", "401");
        failed.assertAttributeEquals("seedream.error.code", "AuthenticationError");
        assertThat(failed.getAttributes().toString()).doesNotContain("another-wrong-key");

        runner.clearTransferState();
        runner.disableControllerService(service);
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, API_KEY);
        runner.enableControllerService(service);
        runner.enqueue("");
        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        runner.getFlowFilesForRelationship(FAILURE).get(0).assertAttributeEquals("seedream.http.status", "404");
    }

    @Test
    void serverErrorGoesToRetryPenalized() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "a server error");
        emulator.faults().schedule(Fault.HTTP_500);
        runner.enqueue("");

        runner.run();

        runner.assertAllFlowFilesTransferred(RETRY, 1);
        runner.assertPenalizeCount(1);
        MockFlowFile retried = runner.getFlowFilesForRelationship(RETRY).get(0);
        retried.assertAttributeEquals("seedream.http.status", "500");
        assertThat(retried.getAttribute("seedream.request.id")).isNotBlank();
        assertThat(retried.isPenalized()).isTrue();
        assertApiKeyNowhere(runner);
    }

    @Test
    void aRequestStillRunningAtTheRunTimeoutIsCancelledAndItsFlowFileGoesToRetry() throws InterruptedException {
        runner.setProperty(GenerateImageSeedream.PROMPT, "never answered");
        stallTheNextRequestPastTheRunTimeout(runner);
        runner.enqueue("");

        runner.run();

        runner.assertAllFlowFilesTransferred(RETRY, 1);
        MockFlowFile late = runner.getFlowFilesForRelationship(RETRY).get(0);
        late.assertAttributeEquals("seedream.error.code", CallFailure.DEADLINE_CODE);
        assertThat(late.getAttribute("seedream.error.message")).contains("Run Timeout of PT1S");
        assertThat(late.isPenalized()).isTrue();
        assertNoRequestLeftInFlight(runner);
    }

    @Test
    void rateLimitYieldsAndLeavesTheFlowFileQueued() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "too fast");
        emulator.faults().schedule(FaultSpec.http429(30));
        runner.enqueue("");

        runner.run();

        assertYieldedWithTheFlowFileStillQueued();
        runner.assertPenalizeCount(0);
        assertThat(emulator.stats().generationRequests()).isEqualTo(1);

        runner.run();

        assertThat(emulator.stats().generationRequests()).as("waits out Retry-After").isEqualTo(1);
        assertThat(runner.getQueueSize().getObjectCount()).isEqualTo(1);
    }

    @Test
    void anExhaustedQuotaPausesForTheServicesPauseWithAnErrorBulletinAndKeepsTheFlowFile() throws InterruptedException {
        runner.setProperty(GenerateImageSeedream.PROMPT, "out of quota");
        emulator.faults().schedule(Fault.SET_LIMIT_EXCEEDED, Fault.QUOTA_EXCEEDED);
        runner.enqueue("");

        runner.run();

        assertYieldedWithTheFlowFileStillQueued();
        assertThat(runner.getLogger().getErrorMessages()).singleElement()
                .satisfies(error -> assertThat(error.getMsg() + java.util.Arrays.toString(error.getArgs()))
                        .contains("SetLimitExceeded", "Raise the quota or the spend limit"));
        runner.run(5);
        assertThat(emulator.stats().generationRequests()).as("the default pause is 5 minutes").isEqualTo(1);

        TestRunner shortPause = runner(new GenerateImageSeedream());
        shortPause.setProperty(GenerateImageSeedream.PROMPT, "out of quota");
        StandardSeedreamConnectionService shortService = (StandardSeedreamConnectionService)
                shortPause.getControllerService(SERVICE_ID);
        shortPause.disableControllerService(shortService);
        shortPause.setProperty(shortService, StandardSeedreamConnectionService.QUOTA_EXHAUSTED_PAUSE, "100 millis");
        shortPause.enableControllerService(shortService);
        shortPause.enqueue("");

        shortPause.run(); // the second scheduled QuotaExceeded
        Thread.sleep(200);
        shortPause.run(); // the pause is over: tried again, and the provider answers again

        assertThat(emulator.stats().generationRequests()).isEqualTo(3);
        shortPause.assertTransferCount(SUCCESS, 1);
        shortPause.assertTransferCount(ORIGINAL, 1);
        assertApiKeyNowhere(shortPause);
    }

    /** A rate limit or an exhausted quota: nothing routed anywhere, the input back in its queue. */
    private void assertYieldedWithTheFlowFileStillQueued() {
        assertThat(runner.isYieldCalled()).isTrue();
        assertThat(runner.getQueueSize().getObjectCount()).isEqualTo(1);
        for (var relationship : runner.getProcessor().getRelationships()) {
            runner.assertTransferCount(relationship, 0);
        }
    }

    @Test
    void fullDownstreamQueueLeavesTheInputUntouched() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "backpressure");
        runner.setRelationshipUnavailable(SUCCESS);
        runner.enqueue("");

        runner.run();

        assertThat(runner.getQueueSize().getObjectCount()).isEqualTo(1);
        assertThat(runner.isYieldCalled()).isTrue();
        assertThat(emulator.stats().generationRequests()).isZero();
        runner.assertTransferCount(ORIGINAL, 0);
    }

    @Test
    void rejectsBadPropertyValuesWithClearExplanations() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "x");
        runner.setProperty(RequestOptions.SIZE, "huge");
        runner.setProperty(RequestOptions.SEED, "-2");
        runner.setProperty(RequestOptions.MAX_IMAGES, "16");
        runner.setProperty(AbstractFlowFileRequestProcessor.MAX_FLOWFILES_PER_RUN, "0");

        Collection<ValidationResult> results = ((MockProcessContext) runner.getProcessContext()).validate();

        Map<String, String> invalid = results.stream().filter(result -> !result.isValid())
                .collect(Collectors.toMap(ValidationResult::getSubject, ValidationResult::getExplanation));
        assertThat(invalid.keySet()).containsExactlyInAnyOrder("Size", "Seed", "Max Images", "Max FlowFiles Per Run");
        assertThat(invalid.get("Size")).contains("2K").contains("WIDTHxHEIGHT");
        runner.assertNotValid();
    }

    @Test
    void promptIsRequiredOnlyWhenItIsTheSource() {
        runner.assertNotValid();
        runner.setProperty(GenerateImageSeedream.PROMPT_SOURCE, GenerateImageSeedream.SOURCE_CONTENT);
        runner.assertValid();
    }

    @Test
    void verifyChecksTheRequestBuiltFromTheGivenAttributes() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "${prompt}");

        List<ConfigVerificationResult> good = runner.verify(Map.of("prompt", "a cat"));
        List<ConfigVerificationResult> bad = runner.verify(Map.of());

        assertThat(good).extracting(ConfigVerificationResult::getOutcome)
                .containsExactly(Outcome.SUCCESSFUL, Outcome.SUCCESSFUL);
        assertThat(bad.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(bad.get(1).getExplanation()).contains("prompt").contains("must not be blank");
        assertThat(emulator.stats().generationRequests()).as("verify never generates").isZero();
    }

    @Test
    void writesOnlyDocumentedAttributes() {
        runner.setProperty(GenerateImageSeedream.PROMPT, "documented");
        runner.enqueue("");
        runner.run();
        Set<String> documented = java.util.Arrays.stream(GenerateImageSeedream.class
                        .getAnnotation(org.apache.nifi.annotation.behavior.WritesAttributes.class).value())
                .map(org.apache.nifi.annotation.behavior.WritesAttribute::attribute).collect(Collectors.toSet());
        Set<String> written = new java.util.HashSet<>(runner.getFlowFilesForRelationship(SUCCESS).get(0)
                .getAttributes().keySet());
        written.removeAll(Set.of("uuid", "path", "entryDate", "lineageStartDate", "fileSize"));
        assertThat(documented).containsAll(written);
    }
}
