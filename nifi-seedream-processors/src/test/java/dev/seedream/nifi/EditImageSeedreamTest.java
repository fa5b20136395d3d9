/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import org.apache.nifi.components.ConfigVerificationResult;
import org.apache.nifi.components.ConfigVerificationResult.Outcome;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static dev.seedream.emulator.junit.TestImages.png;
import static dev.seedream.nifi.AbstractSeedreamProcessor.FAILURE;
import static dev.seedream.nifi.AbstractSeedreamProcessor.ORIGINAL;
import static dev.seedream.nifi.AbstractSeedreamProcessor.SUCCESS;
import static org.assertj.core.api.Assertions.assertThat;

class EditImageSeedreamTest extends SeedreamTestSupport {

    private final TestRunner runner = runner(new EditImageSeedream());

    @Test
    void editsTheImageInTheContent() throws IOException {
        runner.setProperty(EditImageSeedream.PROMPT, "make it ${style}");
        runner.enqueue(png(400, 300), Map.of("style", "watercolour"));

        runner.run();

        runner.assertTransferCount(SUCCESS, 1);
        runner.assertTransferCount(ORIGINAL, 1);
        MockFlowFile image = runner.getFlowFilesForRelationship(SUCCESS).get(0);
        image.assertAttributeEquals("mime.type", "image/jpeg");
        image.assertAttributeEquals("seedream.image.count", "1");
        assertThat(emulator.stats().requestsForPrompt("make it watercolour")).isEqualTo(1);
        assertApiKeyNowhere(runner);
    }

    @Test
    void groupEditWithTheContentAsReference() throws IOException {
        runner.setProperty(EditImageSeedream.PROMPT, "two variations");
        runner.setProperty(RequestOptions.MAX_IMAGES, "2");
        runner.enqueue(png(400, 300));

        runner.run();

        runner.assertTransferCount(SUCCESS, 2);
    }

    @Test
    void contentThatIsNotAnImageFailsWithoutACall() {
        runner.setProperty(EditImageSeedream.PROMPT, "edit");
        runner.enqueue("plain text, not an image");

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        MockFlowFile failed = runner.getFlowFilesForRelationship(FAILURE).get(0);
        failed.assertAttributeEquals("seedream.error.code", "ValidationFailed");
        assertThat(failed.getAttribute("seedream.error.message")).contains("image[0]").contains("text/plain");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void referenceImageTooNarrowForTheModelFails() throws IOException {
        runner.setProperty(EditImageSeedream.PROMPT, "edit");
        runner.enqueue(png(1700, 100)); // 17:1, beyond every model's 16

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        assertThat(runner.getFlowFilesForRelationship(FAILURE).get(0).getAttribute("seedream.error.message"))
                .contains("aspect ratio");
    }

    @Test
    void extraReferenceUrlsAreValidated() throws IOException {
        runner.setProperty(EditImageSeedream.PROMPT, "combine");
        runner.setProperty(EditImageSeedream.REFERENCE_IMAGE_URLS, "${refs}");
        runner.enqueue(png(400, 300), Map.of("refs", "https://example.com/a.png, ftp://example.com/b.png"));

        runner.run();

        runner.assertAllFlowFilesTransferred(FAILURE, 1);
        assertThat(runner.getFlowFilesForRelationship(FAILURE).get(0).getAttribute("seedream.error.message"))
                .contains("image[2]").doesNotContain("image[1] ");
    }

    @Test
    void verifyChecksPromptAndReferenceUrls() {
        runner.setProperty(EditImageSeedream.PROMPT, "combine");
        runner.setProperty(EditImageSeedream.REFERENCE_IMAGE_URLS, "${refs}");

        List<ConfigVerificationResult> good = runner.verify(Map.of("refs", "https://example.com/a.png"));
        List<ConfigVerificationResult> bad = runner.verify(Map.of("refs", "file-name.png"));

        assertThat(good.get(1).getOutcome()).isEqualTo(Outcome.SUCCESSFUL);
        assertThat(good.get(1).getExplanation()).contains("checked when the processor runs");
        assertThat(bad.get(1).getOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(bad.get(1).getExplanation()).contains("image[0]");
    }

    @Test
    void requiresThePrompt() {
        runner.assertNotValid();
        runner.setProperty(EditImageSeedream.PROMPT, "edit");
        runner.assertValid();
    }
}
