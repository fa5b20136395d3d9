/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.seedream.camel.SeedreamConstants;
import dev.seedream.client.SeedreamContentPolicyException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The prompts file is read once; its lines run concurrently through {@code seedream:generate} (the component's
 * options come from application.properties) and each image is written as {@code image-<line>.jpg}. A prompt the
 * content policy refuses is kept in {@code rejected/} and the others go on. When the file is done the job ends.
 */
@Component
public class PromptsToImagesRoute extends RouteBuilder {

    private final Path prompts;
    private final Path output;
    private final JobCompletion completion;

    public PromptsToImagesRoute(@Value("${job.prompts}") String prompts, @Value("${job.output}") String output,
            JobCompletion completion) {
        this.prompts = Path.of(prompts).toAbsolutePath().normalize();
        this.output = Path.of(output).toAbsolutePath().normalize();
        this.completion = completion;
        if (!Files.isRegularFile(this.prompts)) {
            throw new IllegalArgumentException("job.prompts: no prompts file at " + this.prompts
                    + " (one prompt per line)");
        }
    }

    @Override
    public void configure() {
        onException(SeedreamContentPolicyException.class).handled(true)
                .log(LoggingLevel.WARN, "Refused by the content policy: ${header.CamelSeedreamPrompt}")
                .setBody(header(SeedreamConstants.PROMPT))
                .setHeader(Exchange.FILE_NAME, simple("prompt-${exchangeProperty.CamelSplitIndex}.txt"))
                .to("file:" + output.resolve("rejected"));

        fromF("file:%s?fileName=%s&noop=true", prompts.getParent(), prompts.getFileName())
                .routeId("prompts-to-images")
                .onCompletion().onCompleteOnly().process(exchange -> completion.finished(true)).end()
                .onCompletion().onFailureOnly().process(exchange -> completion.finished(false)).end()
                .split(body().tokenize("\n")).parallelProcessing()
                    .filter(simple("${body} !regex '\\s*(#.*)?'")) // blank lines and comments
                    .setHeader(SeedreamConstants.PROMPT, simple("${body.trim()}"))
                    .to("seedream:generate")
                    .setHeader(Exchange.FILE_NAME, simple("image-${exchangeProperty.CamelSplitIndex}.jpg"))
                    .to("file:" + output)
                    .log("Wrote ${header.CamelFileName} (${header.CamelSeedreamImageSize}): ${header.CamelSeedreamPrompt}")
                    .end() // filter
                .end() // split
                .log("Done: the images are in " + output);
    }
}
