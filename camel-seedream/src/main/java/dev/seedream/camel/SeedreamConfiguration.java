/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import dev.seedream.client.SeedreamClient;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of a Seedream endpoint: the {@linkplain SeedreamClientOptions client options}, used only when the endpoint
 * builds its own client (no {@link #setClient client} given), and the request, output and batch options. The
 * component holds one instance as defaults and gives each endpoint a {@link #copy()}. Request options left unset are
 * not sent, so the client's or the provider's default applies.
 */
@UriParams
public class SeedreamConfiguration extends SeedreamClientOptions implements Cloneable {

    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private SeedreamClient client;

    @UriParam
    private String prompt;
    @UriParam
    private String model;
    @UriParam
    private String size;
    @UriParam
    private Long seed;
    @UriParam
    private Boolean watermark;
    @UriParam(enums = "url,b64_json", defaultValue = "b64_json")
    private String responseFormat = "b64_json";
    @UriParam
    private Integer maxImages;
    @UriParam
    private boolean stream;
    @UriParam(label = "advanced", enums = "png,jpeg")
    private String outputFormat;
    @UriParam(label = "advanced", enums = "standard,fast")
    private String optimizePromptMode;
    @UriParam
    private String outputDirectory;
    @UriParam(label = "advanced", defaultValue = "seedream-")
    private String outputFilePrefix = "seedream-";

    @UriParam(label = "batch", defaultValue = "4")
    private int batchConcurrency = 4;
    @UriParam(label = "batch")
    private boolean failFast;

    public SeedreamClient getClient() {
        return client;
    }

    /**
     * A ready SeedreamClient to use instead of building one. Endpoints sharing a client share its connection
     * pool and its limits (maxConcurrentRequests, imagesPerMinute); the client options of this endpoint are then
     * ignored, and the endpoint does not close it.
     */
    public void setClient(SeedreamClient client) {
        this.client = client;
    }

    public String getPrompt() {
        return prompt;
    }

    /** A default prompt, used when neither the CamelSeedreamPrompt header nor a String body gives one. */
    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getModel() {
        return model;
    }

    /** The model or endpoint id; unset, the client's default model (seedream-4-0-250828) is used. */
    public void setModel(String model) {
        this.model = model;
    }

    public String getSize() {
        return size;
    }

    /** Output size: 1K, 2K, 3K, 4K or WIDTHxHEIGHT; unset, the provider's default. */
    public void setSize(String size) {
        this.size = size;
    }

    public Long getSeed() {
        return seed;
    }

    /** Seed from -1 (random) to 2147483647, for repeatable output on models that honour it. */
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Boolean getWatermark() {
        return watermark;
    }

    /** Whether the provider adds its visible "AI generated" mark; unset, the provider's default (true). */
    public void setWatermark(Boolean watermark) {
        this.watermark = watermark;
    }

    public String getResponseFormat() {
        return responseFormat;
    }

    /**
     * How the provider returns each image: b64_json (in the response; decoded straight into the message body) or
     * url (a link valid for 24 hours, which the client downloads into the body and also reports in the
     * CamelSeedreamImageUrl header). The default b64_json saves the second download.
     */
    public void setResponseFormat(String responseFormat) {
        this.responseFormat = responseFormat;
    }

    public Integer getMaxImages() {
        return maxImages;
    }

    /**
     * Upper bound of a group of related images, 1 to 15. Setting it switches on sequential (group) generation;
     * the prompt should say how many images it wants. Unset, one image is generated.
     */
    public void setMaxImages(Integer maxImages) {
        this.maxImages = maxImages;
    }

    public boolean isStream() {
        return stream;
    }

    /**
     * Generate and edit only: receive each image of a group as soon as it is ready. The exchange continues when
     * the first image arrives and its body is an Iterator of messages (body a byte array or Path, per-image headers),
     * which blocks for the images still to come: use split(body()).streaming().
     */
    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public String getOutputFormat() {
        return outputFormat;
    }

    /** Output file format png or jpeg (Seedream 5.0 only; 4.x always returns JPEG). */
    public void setOutputFormat(String outputFormat) {
        this.outputFormat = outputFormat;
    }

    public String getOptimizePromptMode() {
        return optimizePromptMode;
    }

    /** Prompt optimisation mode: standard, or fast (Seedream 4.0 only). */
    public void setOptimizePromptMode(String optimizePromptMode) {
        this.optimizePromptMode = optimizePromptMode;
    }

    public String getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * Write images to files in this directory (created if missing) instead of keeping them in memory; bodies and
     * results then hold java.nio.file.Path values. Use it for large images and large batches.
     */
    public void setOutputDirectory(String outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    public String getOutputFilePrefix() {
        return outputFilePrefix;
    }

    /** File name prefix of images written to the outputDirectory; a random id and the extension follow. */
    public void setOutputFilePrefix(String outputFilePrefix) {
        this.outputFilePrefix = outputFilePrefix;
    }

    public int getBatchConcurrency() {
        return batchConcurrency;
    }

    /**
     * Batch only: the most requests of one batch exchange in flight at once. Further items are read from the body
     * only when a slot frees, so an Iterator body is consumed at the pace of the API.
     */
    public void setBatchConcurrency(int batchConcurrency) {
        this.batchConcurrency = batchConcurrency;
    }

    public boolean isFailFast() {
        return failFast;
    }

    /**
     * Batch only: fail the exchange with the first item's exception and start no further items. By default every
     * item is tried and each result carries its own exception.
     */
    public void setFailFast(boolean failFast) {
        this.failFast = failFast;
    }

    /** A shallow copy: endpoints get their own options but share a given client. */
    public SeedreamConfiguration copy() {
        try {
            return (SeedreamConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
