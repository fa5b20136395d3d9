/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import dev.seedream.camel.SeedreamConstants;
import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamRateLimitException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.nio.file.Path;

/**
 * Prompts file in, one image per prompt out: the file is split line by line, the prompts run concurrently through
 * {@code seedream:generate}, and each image is written by Camel's file component. A prompt refused by the content
 * policy goes to a dead-letter folder; a 429 that outlives the client's own retries is redelivered by Camel;
 * anything else that fails is logged and kept in a failed folder. Nothing stops the rest of the run.
 */
final class GenerateImagesRoute extends RouteBuilder {

    static final String ROUTE_ID = "generate-images";
    private static final String FAILED = "direct:prompt-failed";

    private final Path promptsFile;
    private final Path outputDirectory;
    private final Progress progress;
    private final Runnable whenDone;

    GenerateImagesRoute(Path promptsFile, Path outputDirectory, Progress progress, Runnable whenDone) {
        this.promptsFile = promptsFile.toAbsolutePath();
        this.outputDirectory = outputDirectory.toAbsolutePath();
        this.progress = progress;
        this.whenDone = whenDone;
    }

    @Override
    public void configure() {
        onException(SeedreamContentPolicyException.class).handled(true)
                .setHeader(Exchange.FILE_NAME, simple("prompt-${exchangeProperty.CamelSplitIndex}.txt"))
                .setBody(header(SeedreamConstants.PROMPT))
                .to(folder("rejected"))
                .process(exchange -> progress.promptRejected());

        onException(SeedreamRateLimitException.class)
                .maximumRedeliveries(5).redeliveryDelay(2000).useExponentialBackOff().handled(true)
                .to(FAILED);

        onException(SeedreamException.class).handled(true).to(FAILED);

        from(FAILED).routeId("keep-failed-prompt")
                .setBody(header(SeedreamConstants.PROMPT))
                .setHeader(Exchange.FILE_NAME, simple("prompt-${exchangeProperty.CamelSplitIndex}.txt"))
                .to(folder("failed"))
                .process(exchange -> progress.promptFailed(
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        from("file:" + promptsFile.getParent() + "?fileName=" + promptsFile.getFileName() + "&noop=true")
                .routeId(ROUTE_ID)
                .convertBodyTo(String.class)
                .process(exchange -> progress.start(Prompts.count(exchange.getMessage().getBody(String.class))))
                .split(method(Prompts.class, "lines")).parallelProcessing()
                    .setHeader(SeedreamConstants.PROMPT, body())
                    .to("seedream:generate")
                    .setHeader(Exchange.FILE_NAME, simple("image-${exchangeProperty.CamelSplitIndex}.jpg"))
                    .to(folder(""))
                    .process(exchange -> progress.imageWritten())
                .end()
                .process(exchange -> whenDone.run());
    }

    private String folder(String name) {
        return "file:" + outputDirectory.resolve(name);
    }
}
