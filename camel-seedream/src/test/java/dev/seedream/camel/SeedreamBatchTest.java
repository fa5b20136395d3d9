/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamValidationException;
import dev.seedream.emulator.Latency;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SeedreamBatchTest extends SeedreamTestSupport {

    @TempDir
    static Path outputDir;
    @TempDir
    static Path work;

    /** At most two requests at once, or the emulator answers 429: the batch must never exceed its bound. */
    @BeforeEach
    void aProviderThatTakesTwoRequestsAtOnce() {
        emulator.configure(config -> config.maxInFlight(2).latency(Latency.fixed(Duration.ofMillis(100))));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to("seedream:batch?batchConcurrency=2");
                from("direct:failFast").to("seedream:batch?batchConcurrency=1&failFast=true");
                from("direct:toFiles").to("seedream:batch?batchConcurrency=2&outputDirectory=" + outputDir);

                // The README's batch route, as printed there but for the folders (and the size: 2K renders slowly).
                from("file:" + work.resolve("prompt-lists") + "?move=.done")
                    .to("seedream:batch?batchConcurrency=8&size=1K")
                    .split(body())
                        .choice()
                            .when(simple("${body.success}"))
                                .setBody(simple("${body.images[0].content}"))
                                .to("file:" + work.resolve("images")
                                        + "?fileName=${file:onlyname.noext}-${exchangeProperty.CamelSplitIndex}.jpg")
                            .otherwise()
                                .log("prompt ${body.index} failed: ${body.error.message}")
                        .end();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<SeedreamBatchResult> results(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void theReadmeBatchRouteWritesOneImagePerGoodPromptAndLogsTheOthers() throws Exception {
        Files.createDirectories(work.resolve("prompt-lists"));
        Files.writeString(work.resolve("prompt-lists").resolve("shop.txt"),
                "a red teapot\nsomething forbidden\na blue mug\n");

        Path images = work.resolve("images");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (countFiles(images) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        try (Stream<Path> written = Files.list(images)) {
            assertThat(written.map(path -> path.getFileName().toString()).sorted())
                    .containsExactly("shop-0.jpg", "shop-2.jpg");
        }
        assertThat(isJpeg(Files.readAllBytes(images.resolve("shop-0.jpg")))).isTrue();
        assertThat(emulator.stats().requestsForPrompt("something forbidden")).isEqualTo(1);
    }

    private static long countFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void eachInputGetsItsOwnResultInInputOrder() {
        List<Object> items = List.of("a cat", "something forbidden", "   ", 42, "a dog");

        Exchange exchange = template.request("direct:batch", e -> {
            e.getIn().setBody(items);
            e.getIn().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        });

        List<SeedreamBatchResult> results = results(exchange);
        assertThat(results).extracting(SeedreamBatchResult::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(results.get(0).images()).singleElement()
                .satisfies(image -> assertThat(isJpeg((byte[]) image.content())).isTrue());
        assertThat(results.get(1).error()).isInstanceOf(SeedreamContentPolicyException.class);
        assertThat(results.get(2).error()).isInstanceOf(SeedreamValidationException.class);
        assertThat(results.get(3).error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
        assertThat(results.get(4).isSuccess()).isTrue();
        assertThat(results.get(4).prompt()).isEqualTo("a dog");
        assertThat(exchange.getMessage().getHeaders()).containsEntry(SeedreamConstants.BATCH_SUCCEEDED, 2)
                .containsEntry(SeedreamConstants.BATCH_FAILED, 3).containsEntry(SeedreamConstants.IMAGE_COUNT, 2)
                .doesNotContainKey(Exchange.CONTENT_TYPE);
        // The invalid items never reached the network.
        assertThat(emulator.stats().generationRequests()).isEqualTo(3);
    }

    @Test
    void neverHasMoreThanBatchConcurrencyRequestsInFlight() {
        List<String> prompts = IntStream.range(0, 8).mapToObj(i -> "frame " + i).toList();
        long start = System.nanoTime();

        List<SeedreamBatchResult> results = results(template.request("direct:batch",
                e -> e.getIn().setBody(prompts.iterator())));

        assertThat(results).allSatisfy(result -> assertThat(result.isSuccess()).isTrue());
        assertThat(results).extracting(SeedreamBatchResult::prompt).containsExactlyElementsOf(prompts);
        assertThat(emulator.stats().requestsWithStatus(429)).isZero();
        assertThat(emulator.stats().generationRequests()).isEqualTo(8);
        // Eight 100 ms calls two at a time take at least four rounds.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void readsOnePromptPerLineOfATextBody() {
        List<SeedreamBatchResult> results = results(template.request("direct:batch",
                e -> e.getIn().setBody("a lighthouse\n\n  \na harbour at night\n")));

        assertThat(results).extracting(SeedreamBatchResult::prompt)
                .containsExactly("a lighthouse", "a harbour at night");
    }

    @Test
    void acceptsReadyRequestsBesidePromptsFromAStream() {
        ImageRequest request = ImageRequest.builder().prompt("a ready request").size("1280x720").build();

        List<SeedreamBatchResult> results = results(template.request("direct:batch",
                e -> e.getIn().setBody(Stream.of("a prompt", request))));

        assertThat(results).allSatisfy(result -> assertThat(result.isSuccess()).isTrue());
        assertThat(results.get(1).images().get(0).size()).isEqualTo("1280x720");
    }

    @Test
    void failFastFailsTheExchangeAndStartsNoFurtherItem() {
        Exchange exchange = template.request("direct:failFast",
                e -> e.getIn().setBody(List.of("first", "something forbidden", "never sent")));

        assertThat(exchange.getException()).isInstanceOf(SeedreamContentPolicyException.class);
        assertThat(emulator.stats().requestsForPrompt("first")).isEqualTo(1);
        assertThat(emulator.stats().requestsForPrompt("never sent")).isZero();
    }

    @Test
    void anIteratorBodyThatThrowsFailsTheBatchWithItsException() {
        Iterator<String> broken = Stream.of("the only prompt read", "unreadable").map(prompt -> {
            if (prompt.equals("unreadable")) {
                throw new IllegalStateException("the prompt source broke");
            }
            return prompt;
        }).iterator();

        Exchange exchange = template.request("direct:batch", e -> e.getIn().setBody(broken));

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the prompt source broke");
    }

    @Test
    void anOutputDirectoryKeepsImagesOnDiskInsteadOfInMemory() {
        List<SeedreamBatchResult> results = results(template.request("direct:toFiles",
                e -> e.getIn().setBody(List.of("first file", "second file", "third file"))));

        List<Path> files = new ArrayList<>();
        results.forEach(result -> result.images().forEach(image -> files.add((Path) image.content())));
        assertThat(files).hasSize(3).allSatisfy(file -> {
            assertThat(file.getParent()).isEqualTo(outputDir);
            assertThat(isJpeg(Files.readAllBytes(file))).isTrue();
        });
    }

    @Test
    void aBodyThatIsNeitherItemsNorTextIsRefusedWithoutARequest() {
        Exchange exchange = template.request("direct:batch", e -> e.getIn().setBody(42));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("one prompt per line");
        assertThat(emulator.stats().generationRequests()).isZero();
    }

    @Test
    void anEmptyBatchSucceedsWithNoResults() {
        assertThat(results(template.request("direct:batch", e -> e.getIn().setBody(List.of())))).isEmpty();
        assertThat(emulator.stats().generationRequests()).isZero();
    }
}
