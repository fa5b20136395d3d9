/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.SeedreamClient;
import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.nifi.processor.Processor;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.provenance.ProvenanceEventRecord;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.LogMessage;
import org.apache.nifi.util.MockComponentLog;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One in-process emulator per test class, and runners wired to it through the real connection service. */
abstract class SeedreamTestSupport {

    static final String API_KEY = "test-key";
    static final String SERVICE_ID = "seedream";
    /** The smallest size Seedream 4.0 accepts: keeps rendering cheap. */
    static final String SMALL = "1280x720";

    /** Registered here, it starts a fresh emulator for each concrete test class and resets it before each test. */
    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.none()).outputPolicyTrigger("blocked-image").build());

    /** A runner whose processor uses an enabled service pointing at the emulator, without client retries. */
    static TestRunner runner(Processor processor) {
        TestRunner runner = TestRunners.newTestRunner(processor);
        StandardSeedreamConnectionService service = new StandardSeedreamConnectionService();
        try {
            runner.addControllerService(SERVICE_ID, service);
        } catch (InitializationException e) {
            throw new IllegalStateException(e);
        }
        runner.setProperty(service, StandardSeedreamConnectionService.API_BASE_URL, emulator.baseUri().toString());
        runner.setProperty(service, StandardSeedreamConnectionService.API_KEY, API_KEY);
        runner.setProperty(service, StandardSeedreamConnectionService.MAX_RETRIES, "0");
        runner.enableControllerService(service);
        runner.setProperty(AbstractSeedreamProcessor.CONNECTION_SERVICE, SERVICE_ID);
        runner.setProperty(RequestOptions.SIZE, SMALL);
        return runner;
    }

    /** The emulator never answers the next request, and the processor gives up on it after a Run Timeout of 1 s. */
    static void stallTheNextRequestPastTheRunTimeout(TestRunner runner) {
        runner.setProperty(AbstractSeedreamProcessor.RUN_TIMEOUT, "1 sec");
        emulator.faults().schedule(Fault.STALL);
    }

    /**
     * A call abandoned at the Run Timeout is cancelled, which ends its HTTP exchange: the service's request slot is
     * free within moments, not only once the stalled answer reaches the Read Timeout minutes later.
     */
    static void assertNoRequestLeftInFlight(TestRunner runner) throws InterruptedException {
        SeedreamClient client = ((SeedreamConnectionService) runner.getControllerService(SERVICE_ID)).getClient();
        long giveUp = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.metrics().inFlight() > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(client.metrics().inFlight()).isZero();
    }

    /** The key must not appear in any attribute, provenance event or log message of the processor or service. */
    static void assertApiKeyNowhere(TestRunner runner) {
        List<String> texts = new ArrayList<>();
        for (Relationship relationship : runner.getProcessor().getRelationships()) {
            for (MockFlowFile flowFile : runner.getFlowFilesForRelationship(relationship)) {
                texts.add(flowFile.getAttributes().toString());
            }
        }
        for (ProvenanceEventRecord event : runner.getProvenanceEvents()) {
            texts.add(event.getTransitUri() + " " + event.getDetails() + " " + event.getAttributes());
        }
        texts.addAll(messages(runner.getLogger()));
        texts.addAll(messages(runner.getControllerServiceLogger(SERVICE_ID)));
        assertThat(texts).isNotEmpty().noneMatch(text -> text.contains(API_KEY));
    }

    private static List<String> messages(MockComponentLog log) {
        return Stream.of(log.getTraceMessages(), log.getDebugMessages(), log.getInfoMessages(),
                        log.getWarnMessages(), log.getErrorMessages())
                .flatMap(List::stream)
                .map(SeedreamTestSupport::text)
                .toList();
    }

    private static String text(LogMessage message) {
        return message.getMsg() + " " + Arrays.toString(message.getArgs())
                + (message.getThrowable() == null ? "" : " " + message.getThrowable());
    }
}
