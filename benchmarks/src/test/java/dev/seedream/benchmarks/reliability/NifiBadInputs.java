/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.benchmarks.reliability;

import dev.seedream.benchmarks.paths.NifiProcessorRunner;
import dev.seedream.benchmarks.paths.PathSettings;
import dev.seedream.nifi.EditImageSeedream;
import org.apache.nifi.components.ValidationResult;
import org.apache.nifi.util.MockFlowFile;
import org.apache.nifi.util.MockProcessContext;
import org.apache.nifi.util.TestRunner;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Bad input at the NiFi processors: property values, Expression Language results and FlowFile content. */

final class NifiBadInputs {

    private static final String SURFACE = "nifi";
    private static final String ERROR_MESSAGE = "seedream.error.message";

    private NifiBadInputs() {
    }

    static List<BadInput> cases(URI baseUri) {
        PathSettings settings = new PathSettings(baseUri, "test-key", "1280x720", 1);
        Supplier<NifiProcessorRunner> generate = () -> new NifiProcessorRunner(settings, 1, Map.of());
        Supplier<NifiProcessorRunner> edit = () -> new NifiProcessorRunner(new EditImageSeedream(), settings, 1,
                Map.of());
        String fourteenUrls = IntStream.range(0, 14).mapToObj(i -> "https://example.com/" + i + ".png")
                .collect(Collectors.joining(","));
        return List.of(
                invalid(generate, "property Size huge", "Size", "huge", "resolution label"),
                invalid(generate, "property Seed -5", "Seed", "-5", "Seed"),
                invalid(generate, "property Max Images 16", "Max Images", "16", "Max Images"),
                invalid(generate, "property Max FlowFiles Per Run 0", "Max FlowFiles Per Run", "0",
                        "Max FlowFiles Per Run"),
                invalid(generate, "property Response Format png64", "Response Format", "png64", "Response Format"),
                invalid(generate, "property Watermark maybe", "Watermark", "maybe", "Watermark"),
                invalid(generate, "property Run Timeout soon", "Run Timeout", "soon", "Run Timeout"),
                routed(generate, "EL size 5000x100", Map.of("Size", "${size}"), Map.of("size", "5000x100", "prompt", "p"),
                        "",
                        "size", "aspect ratio"),
                routed(generate, "EL prompt empty", Map.of("Prompt", "${missing}"), Map.of(), "", "prompt",
                        "must not be blank"),
                routed(generate, "EL seed abc", Map.of("Seed", "${seed}"), Map.of("seed", "abc", "prompt", "p"), "", "Seed",
                        "whole number"),
                routed(generate, "EL max images 16", Map.of("Max Images", "${n}"), Map.of("n", "16", "prompt", "p"), "",
                        "max_images", "between 1 and 15"),
                routed(generate, "prompt content over 64 KiB", Map.of("Prompt Source", "content"), Map.of(),
                        "x".repeat(70 * 1024), "bytes allowed for a prompt"),
                routed(edit, "edit: text file content", Map.of("Prompt", "p"), Map.of(),
                        new String(BadImages.TEXT_FILE, StandardCharsets.UTF_8), "image",
                        "not an image"),
                routedBytes(edit, "edit: 50 MB content", Map.of("Prompt", "p"), BadImages.hugePng(BadImages.FIFTY_MB),
                        "image", "bytes"),
                routedBytes(edit, "edit: 14 URLs + content = 15 references",
                        Map.of("Prompt", "p", "Reference Image URLs", fourteenUrls), BadImages.png(64, 64), "image",
                        "at most 14"));
    }

    /** A property value the processor's validation must refuse, naming the property. */
    private static BadInput invalid(Supplier<NifiProcessorRunner> runners, String name, String property, String value,
                                    String... expected) {
        return BadInput.of(SURFACE, name, () -> {
            NifiProcessorRunner nifi = runners.get();
            try {
                nifi.runner().setProperty(property, value);
                String problems = ((MockProcessContext) nifi.runner().getProcessContext()).validate().stream()
                        .filter(result -> !result.isValid()).map(ValidationResult::toString)
                        .collect(Collectors.joining("\n"));
                return problems.isEmpty() ? Boolean.TRUE : problems;
            } finally {
                nifi.disableService(); // an invalid processor cannot be run, hence not stopped either
            }
        }, expected);
    }

    /** A FlowFile whose request is invalid once evaluated: it must go to failure with the reason attribute. */
    private static BadInput routed(Supplier<NifiProcessorRunner> runners, String name, Map<String, String> properties,
                                   Map<String, String> attributes, String content, String... expected) {
        return BadInput.of(SURFACE, name, () -> run(runners, properties, runner ->
                runner.enqueue(content, attributes)), expected);
    }

    private static BadInput routedBytes(Supplier<NifiProcessorRunner> runners, String name,
                                        Map<String, String> properties, byte[] content, String... expected) {
        return BadInput.of(SURFACE, name, () -> run(runners, properties, runner -> runner.enqueue(content)),
                expected);
    }

    private static Object run(Supplier<NifiProcessorRunner> runners, Map<String, String> properties,
                              Consumer<TestRunner> enqueue) {
        NifiProcessorRunner nifi = runners.get();
        try {
            properties.forEach(nifi.runner()::setProperty);
            enqueue.accept(nifi.runner());
            nifi.trigger(1);
            List<MockFlowFile> failed = nifi.flowFiles("failure");
            return failed.size() == 1 ? failed.get(0).getAttribute(ERROR_MESSAGE)
                    : Map.of("success", nifi.transferred("success"), "retry", nifi.transferred("retry"));
        } finally {
            nifi.shutdown();
        }
    }
}
