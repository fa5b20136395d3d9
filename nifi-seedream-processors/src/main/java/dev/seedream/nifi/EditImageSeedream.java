/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import org.apache.nifi.annotation.behavior.InputRequirement;
import org.apache.nifi.annotation.behavior.InputRequirement.Requirement;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.SeeAlso;
import org.apache.nifi.annotation.documentation.Tags;
import org.apache.nifi.annotation.documentation.UseCase;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.expression.ExpressionLanguageScope;
import org.apache.nifi.flowfile.FlowFile;
import org.apache.nifi.processor.ProcessContext;
import org.apache.nifi.processor.ProcessSession;
import org.apache.nifi.processor.util.StandardValidators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Tags({"seedream", "bytedance", "byteplus", "ark", "image", "edit", "image-to-image", "ai"})
@CapabilityDescription("""
        Edits an image with ByteDance Seedream: the FlowFile content is the primary reference image (JPEG, PNG, \
        WebP and more, within the model's limits), more reference images may be given as URLs, and the Prompt says what to \
        change. Each resulting image becomes its own FlowFile on success; the input goes to original.""")
@InputRequirement(Requirement.INPUT_REQUIRED)
@UseCase(description = "Restyle or edit incoming images with a prompt.",
        configuration = """
                Connect a source of images (e.g. FetchS3Object or GetFile) to this processor. Set Prompt to the \
                change wanted, e.g. "Replace the background with a sunny beach"; Size to 2K.""",
        keywords = {"image to image", "edit", "restyle", "background"})
@UseCase(description = "Combine the incoming image with other reference images.",
        configuration = """
                Set Reference Image URLs to one or more https URLs (comma separated, Expression Language allowed), \
                and describe in Prompt how to combine them, e.g. "Put the product from image 1 in the room of \
                image 2". Seedream 4.x and 5.0 Lite accept up to 14 reference images in total, 5.0 Pro up to 10.""",
        keywords = {"multi reference", "compose", "combine"})
@SeeAlso({GenerateImageSeedream.class, BatchGenerateImagesSeedream.class, StandardSeedreamConnectionService.class})
public class EditImageSeedream extends AbstractFlowFileRequestProcessor {

    static final PropertyDescriptor PROMPT = new PropertyDescriptor.Builder()
            .name("Prompt")
            .description("How to edit or combine the reference images.")
            .required(true)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .expressionLanguageSupported(ExpressionLanguageScope.FLOWFILE_ATTRIBUTES)
            .build();

    static final PropertyDescriptor REFERENCE_IMAGE_URLS = new PropertyDescriptor.Builder()
            .name("Reference Image URLs")
            .description("More reference images after the FlowFile content, as comma-separated https URLs that "
                    + "the provider downloads itself. The model's limit on reference images counts the content too.")
            .required(false)
            .addValidator(StandardValidators.NON_BLANK_VALIDATOR)
            .expressionLanguageSupported(ExpressionLanguageScope.FLOWFILE_ATTRIBUTES)
            .build();

    private static final List<PropertyDescriptor> PROPERTIES =
            properties(List.of(PROMPT, REFERENCE_IMAGE_URLS), MAX_FLOWFILES_PER_RUN);

    @Override
    protected List<PropertyDescriptor> getSupportedPropertyDescriptors() {
        return PROPERTIES;
    }

    @Override
    protected ImageRequest createRequest(ProcessContext context, ProcessSession session, FlowFile flowFile) {
        // Checked before reading, so an oversized file is refused without pulling it into the heap.
        if (flowFile.getSize() > ReferenceImage.MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("FlowFile content has " + flowFile.getSize() + " bytes; no Seedream "
                    + "model accepts a reference image larger than " + ReferenceImage.MAX_INLINE_BYTES + " bytes");
        }
        ReferenceImage primary;
        try (InputStream in = session.read(flowFile)) {
            primary = ReferenceImage.stream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the reference image from FlowFile content", e);
        }
        return requestBuilder(context, flowFile.getAttributes(), primary).build();
    }

    @Override
    protected ImageRequest verificationRequest(ProcessContext context, Map<String, String> attributes) {
        return requestBuilder(context, attributes, null).build();
    }

    @Override
    protected String verificationNote() {
        return "The reference image in FlowFile content is checked when the processor runs.";
    }

    /** @param primary the FlowFile content as the first reference, or null when verifying without a FlowFile */
    private static ImageRequest.Builder requestBuilder(ProcessContext context, Map<String, String> attributes,
                                                       ReferenceImage primary) {
        ImageRequest.Builder builder = RequestOptions.fromProperties(context, attributes)
                .prompt(RequestOptions.value(context, PROMPT, attributes));
        if (primary != null) {
            builder.image(primary);
        }
        String urls = RequestOptions.value(context, REFERENCE_IMAGE_URLS, attributes);
        if (urls != null) {
            Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty())
                    .forEach(url -> builder.image(ReferenceImage.url(url)));
        }
        return builder;
    }
}
