/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.emulator.junit.HostileServer;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.seedream.nifi.AbstractSeedreamProcessor.FAILURE;
import static dev.seedream.nifi.AbstractSeedreamProcessor.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The client's guarantees against a hostile server hold through the processors: no hang, bounded memory, no key. */
class HostileServerTest {

    private static final String KEY = "sk-nifi-hostile-31bf";

    private HostileServer server;
    private TestRunner runner;

    @BeforeEach
    void start() throws Exception {
        server = HostileServer.start("127.0.0.1");
        runner = TestRunners.newTestRunner(new GenerateImageSeedream());
        StandardSeedreamConnectionService service = new StandardSeedreamConnectionService();
        runner.addControllerService("seedream", service);
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, server.baseUri() + "/api/v3");
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, KEY);
        runner.setProperty(service, StandardSeedreamConnectionService.MAX_RETRIES, "0");
        runner.enableControllerService(service);
        runner.setProperty(AbstractSeedreamProcessor.CONNECTION_SERVICE, "seedream");
        runner.setProperty(GenerateImageSeedream.PROMPT, "hostile");
        runner.setProperty(RequestOptions.SIZE, SeedreamTestSupport.SMALL);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MockFlowFile runOnce(String relationship) {
        runner.enqueue("");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runner.run());
        runner.assertAllFlowFilesTransferred(relationship, 1);
        return runner.getFlowFilesForRelationship(relationship).get(0);
    }

    @Test
    void aBrokenCreatedTimeRoutesTheFlowFileInsteadOfHanging() {
        server.then(HostileServer.json(200, "{\"created\":9223372036854775807,\"data\":[]}"));

        runOnce(RETRY.getName()).assertAttributeEquals("seedream.error.code", "MalformedResponse");
    }

    @Test
    void anInlineImageOverTheDefault64MiBCapIsRefusedNotBuffered() {
        server.then(HostileServer.generated(200, "application/json", "{\"data\":[{\"b64_json\":\"", (byte) 'Q',
                120L * 1024 * 1024, "\"}]}"));

        MockFlowFile retried = runOnce(RETRY.getName());
        assertThat(retried.getAttribute("seedream.error.message")).contains("largest image size of 67108864 bytes");
    }

    @Test
    void anEchoedKeyIsInNoAttributeLogOrProvenance() {
        server.then(HostileServer.json(401, "{\"error\":{\"code\":\"AuthenticationError\",\"message\":\"Bearer " + KEY
                + " rejected\"}}").withHeader("X-Request-Id", "id-" + KEY));

        MockFlowFile failed = runOnce(FAILURE.getName());

        assertThat(failed.getAttribute("seedream.error.message")).contains("Bearer ****");
        assertThat(failed.getAttributes().toString()).doesNotContain(KEY);
        assertThat(runner.getLogger().getErrorMessages()).isNotEmpty().allSatisfy(message ->
                assertThat(message.getMsg() + java.util.Arrays.toString(message.getArgs())).doesNotContain(KEY));
        assertThat(runner.getProvenanceEvents()).allSatisfy(event ->
                assertThat(event.getDetails() + event.getAttributes()).doesNotContain(KEY));
    }
}
