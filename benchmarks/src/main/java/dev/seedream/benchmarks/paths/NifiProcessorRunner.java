/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.paths;

import dev.seedream.nifi.GenerateImageSeedream;
import dev.seedream.nifi.StandardSeedreamConnectionService;
import org.apache.nifi.processor.Processor;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.reporting.InitializationException;
import org.apache.nifi.util.TestRunner;
import org.apache.nifi.util.TestRunners;

import dev.seedream.nifi.SeedreamConnectionService;
import org.apache.nifi.util.MockFlowFile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Seedream processor ({@code GenerateImageSeedream} unless told otherwise) in nifi-mock's {@link TestRunner}, wired to the emulator through the real
 * {@link StandardSeedreamConnectionService}. Properties are set by their display names because the descriptors
 * are package-private to the processors module; that is also how a flow definition names them.
 */
public final class NifiProcessorRunner {

    public static final String SERVICE_ID = "seedream";
    /** The attribute the Prompt property reads ({@code ${prompt}}); it also identifies the input. */
    public static final String PROMPT_ATTRIBUTE = "prompt";

    private final TestRunner runner;

    /**
     * @param batchSize     the processor's Max FlowFiles Per Run (FlowFiles, hence requests in flight, per trigger)
     * @param extraService  more connection-service properties, e.g. {@code Max Retries}
     */
    public NifiProcessorRunner(PathSettings settings, int batchSize, Map<String, String> extraService) {
        this(new GenerateImageSeedream(), settings, batchSize, extraService);
    }

    /** @param processor a Seedream processor with Prompt and Max FlowFiles Per Run properties */
    public NifiProcessorRunner(Processor processor, PathSettings settings, int batchSize,
                               Map<String, String> extraService) {
        runner = TestRunners.newTestRunner(processor);
        StandardSeedreamConnectionService service = new StandardSeedreamConnectionService();
        try {
            runner.addControllerService(SERVICE_ID, service);
        } catch (InitializationException e) {
            throw new IllegalStateException(e);
        }
        runner.setProperty(service, "API Base URL", settings.baseUri().toString());
        runner.setProperty(service, "API Key", settings.apiKey());
        runner.setProperty(service, "Images Per Minute", "0");
        runner.setProperty(service, "Max Concurrent Requests", String.valueOf(Math.max(batchSize, 1)));
        extraService.forEach((name, value) -> runner.setProperty(service, name, value));
        runner.enableControllerService(service);
        runner.setProperty("Seedream Connection Service", SERVICE_ID);
        runner.setProperty("Size", settings.size());
        runner.setProperty("Prompt", "${prompt}");
        runner.setProperty("Max FlowFiles Per Run", String.valueOf(batchSize));
        runner.setThreadCount(1);
    }

    public TestRunner runner() {
        return runner;
    }

    /** Queues one input whose prompt attribute is {@code prompt}. */
    public void enqueue(String prompt) {
        runner.enqueue(new byte[0], Map.of(PROMPT_ATTRIBUTE, prompt));
    }

    /** Triggers the processor {@code times} times on its one thread, without stopping it in between. */
    public void trigger(int times) {
        runner.run(times, false, false);
    }

    public int queued() {
        return runner.getQueueSize().getObjectCount();
    }

    public int transferred(String relationship) {
        return flowFiles(relationship).size();
    }

    /** HTTP attempts the service's client has made; read it before {@link #shutdown}. */
    public long clientAttempts() {
        return runner.getControllerService(SERVICE_ID, SeedreamConnectionService.class).getClient().metrics()
                .requestsSent();
    }

    /** The FlowFiles routed to a relationship. */
    public List<MockFlowFile> flowFiles(String relationship) {
        return runner.getFlowFilesForRelationship(new Relationship.Builder().name(relationship).build());
    }

    /** Every message the processor and the service logged, with its arguments and exception. */
    public List<String> logMessages() {
        return Stream.of(runner.getLogger(), runner.getControllerServiceLogger(SERVICE_ID))
                .flatMap(log -> Stream.of(log.getTraceMessages(), log.getDebugMessages(), log.getInfoMessages(),
                        log.getWarnMessages(), log.getErrorMessages()))
                .flatMap(List::stream)
                .map(message -> message.getMsg() + " " + Arrays.toString(message.getArgs())
                        + (message.getThrowable() == null ? "" : " " + message.getThrowable()))
                .toList();
    }

    /** Stops the processor and disables the service (which closes its client). */
    public void shutdown() {
        runner.run(0, true, false);
        disableService();
    }

    /** Disables the service (closing its client) without running the processor, e.g. when it is invalid. */
    public void disableService() {
        runner.disableControllerService(runner.getControllerService(SERVICE_ID));
    }
}
