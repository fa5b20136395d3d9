/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import org.apache.nifi.annotation.behavior.InputRequirement;
import org.apache.nifi.annotation.behavior.InputRequirement.Requirement;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.documentation.UseCase;
import org.apache.nifi.components.AllowableValue;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.expression.ExpressionLanguageScope;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.util.StandardValidators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@Tags({"seedream", "bytedance", "byteplus", "ark", "image", "generation", "text-to-image", "ai"})
@CapabilityDescription("""
        Generates images from a text prompt with ByteDance Seedream. The prompt comes from the Prompt property \
        (with Expression Language) or from the FlowFile content. Each image becomes its own FlowFile on success, \
        a child of the input; the input goes to original. Runs on a schedule without input too.""")
@InputRequirement(Requirement.INPUT_ALLOWED)
@UseCase(description = "Generate an image for every incoming FlowFile from a prompt template.",
        configuration = """
                Set Prompt Source to Property and Prompt to a template such as \
                "A product photo of ${product.name} on a white background".
                Set Size to 2K and connect success to the next step; route retry back to this processor.""",
        keywords = {"text to image", "prompt", "generate"})
@UseCase(description = "Generate a group of related images, such as a storyboard, from one prompt.",
        configuration = """
                Set Max Images to the number of images wanted (2 to 15) and name that count in the prompt, \
                e.g. "Four panels of a comic about a fox". The images share fragment.identifier.""",
        keywords = {"group", "sequential", "storyboard", "set of images"})
@SeeAlso({EditImageSeedream.class, BatchGenerateImagesSeedream.class, StandardSeedreamConnectionService.class})
public class GenerateImageSeedream extends AbstractFlowFileRequestProcessor {

    /** Prompts are recommended to stay under ~600 words; anything far larger is not a prompt but a mistake. */
    static final int MAX_PROMPT_BYTES = 64 * 1024;

    static final AllowableValue SOURCE_PROPERTY = new AllowableValue("property", "Property",
            "The Prompt property, evaluated with Expression Language against the FlowFile's attributes.");
    static final AllowableValue SOURCE_CONTENT = new AllowableValue("content", "FlowFile Content",
            "The FlowFile content as UTF-8 text (at most 64 KiB). Needs an incoming connection.");

    static final PropertyDescriptor PROMPT_SOURCE = new PropertyDescriptor.Builder()
            .name("Prompt Source")
            .description("Where the prompt comes from.")
            .required(true)
            .allowableValues(SOURCE_PROPERTY, SOURCE_CONTENT)
            .defaultValue(SOURCE_PROPERTY.getValue())
            .build();

    static final PropertyDescriptor PROMPT = new PropertyDescriptor.Builder()
            .name("Prompt")
            .description("What to generate. The provider recommends at most about 600 English words.")
            .required(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .expressionLanguageSupported(ExpressionLanguageScope.FLOWFILE_ATTRIBUTES)
            .dependsOn(PROMPT_SOURCE, SOURCE_PROPERTY)
            .build();

    private static final List<PropertyDescriptor> PROPERTIES =
            properties(List.of(PROMPT_SOURCE, PROMPT), MAX_FLOWFILES_PER_RUN);

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    protected ImageRequest createRequest(ProcessContext context, ProcessSession session, FlowFile flowFile) {
        Map<String, String> attributes = flowFile == null ? Map.of() : flowFile.getAttributes();
        ImageRequest.Builder builder = RequestOptions.fromProperties(context, attributes);
        if (promptFromContent(context)) {
            if (flowFile == null) {
                throw new IllegalArgumentException("Prompt Source is FlowFile Content but there is no input FlowFile");
            }
            return builder.prompt(readPrompt(session, flowFile)).build();
        }
        return builder.prompt(RequestOptions.value(context, PROMPT, attributes)).build();
    }

    @Override
    protected ImageRequest verificationRequest(ProcessContext context, Map<String, String> attributes) {
        String prompt = promptFromContent(context) ? "prompt from FlowFile content"
                : RequestOptions.value(context, PROMPT, attributes);
        return RequestOptions.fromProperties(context, attributes).prompt(prompt).build();
    }

    @Override
    protected String verificationNote() {
        return "Prompts from FlowFile content are checked when the processor runs.";
    }

    private static boolean promptFromContent(ProcessContext context) {
        return SOURCE_CONTENT.getValue().equals(context.getProperty(PROMPT_SOURCE).getValue());
    }

    private static String readPrompt(ProcessSession session, FlowFile flowFile) {
        if (flowFile.getSize() > MAX_PROMPT_BYTES) {
            throw new IllegalArgumentException("FlowFile content has " + flowFile.getSize() + " bytes, more than "
                    + MAX_PROMPT_BYTES + " bytes allowed for a prompt");
        }
        try (InputStream in = session.read(flowFile)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the prompt from FlowFile content", e);
        }
    }
}
