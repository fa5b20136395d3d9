/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ReferenceImage;
import dev.seedream.client.ResponseFormat;
import dev.seedream.client.SequentialImageGeneration;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.seedream.emulator.junit.TestImages.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a message and the options become an {@link ImageRequest}, field by field: a header beats the endpoint option,
 * which beats the component option, which beats the default; a ready ImageRequest body is sent as it is. Only
 * requests are built here, none is sent.
 */
class SeedreamRequestResolutionTest {

    private static final byte[] PNG = png(32, 24);
    /** A value for every request option, set on the component by name. */
    private static final Map<String, Object> COMPONENT_OPTIONS = Map.of("prompt", "the component prompt",
            "model", "component-model", "size", "3K", "seed", "11", "watermark", "true", "responseFormat", "url",
            "maxImages", "5", "stream", "true", "outputFormat", "png", "optimizePromptMode", "fast");

    private CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        SeedreamConfiguration defaults = context.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setApiKey("unused"); // each endpoint builds its client when it starts, and never calls it here
        defaults.setBaseUrl("http://127.0.0.1:9/api/v3");
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    /** The request the endpoint's producer builds for a message with this body and these headers. */
    private ImageRequest request(String uri, Object body, Map<String, Object> headers) {
        SeedreamEndpoint endpoint = context.getEndpoint(uri, SeedreamEndpoint.class);
        return ((SeedreamImageProducer) endpoint.createProducer()).createRequest(exchange(body, headers));
    }

    private Exchange exchange(Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody(body);
        headers.forEach(exchange.getIn()::setHeader);
        return exchange;
    }

    /** Component options set by name through the component's configurer, as Camel Main sets them. */
    private void setComponentOptions(Map<String, Object> options) {
        Component component = context.getComponent("seedream");
        PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer())
                .bind(context, component, new HashMap<>(options));
    }

    /** Every field of the request, against the request the client's builder makes of the expected values. */
    private static void assertFields(ImageRequest actual, ImageRequest.Builder expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected.build());
    }

    @Test
    void optionsLeftUnsetAreNotSentButTheResponseFormatDefaultsToB64Json() {
        assertFields(request("seedream:generate", "a plain prompt", Map.of()),
                ImageRequest.builder().prompt("a plain prompt").responseFormat(ResponseFormat.B64_JSON));
    }

    @Test
    void componentOptionsApplyToEveryEndpoint() {
        setComponentOptions(COMPONENT_OPTIONS);

        assertFields(request("seedream:generate", null, Map.of()), ImageRequest.builder()
                .prompt("the component prompt").model("component-model").size("3K").seed(11L).watermark(true)
                .responseFormat(ResponseFormat.URL).sequentialImageGeneration(SequentialImageGeneration.AUTO)
                .maxImages(5).stream(true).outputFormat("png").optimizePromptMode("fast"));
    }

    @Test
    void endpointOptionsBeatComponentOptions() {
        setComponentOptions(COMPONENT_OPTIONS);

        ImageRequest request = request("seedream:generate?prompt=the endpoint prompt&model=endpoint-model&size=2K"
                + "&seed=22&watermark=false&responseFormat=b64_json&maxImages=2&stream=false&outputFormat=jpeg"
                + "&optimizePromptMode=standard", null, Map.of());

        assertFields(request, ImageRequest.builder()
                .prompt("the endpoint prompt").model("endpoint-model").size("2K").seed(22L).watermark(false)
                .responseFormat(ResponseFormat.B64_JSON).sequentialImageGeneration(SequentialImageGeneration.AUTO)
                .maxImages(2).stream(false).outputFormat("jpeg").optimizePromptMode("standard"));
    }

    @Test
    void headersBeatEndpointOptionsAndAreConvertedToTheFieldsType() {
        ImageRequest request = request("seedream:generate?prompt=the endpoint prompt&model=endpoint-model&size=2K"
                + "&seed=22&watermark=false&responseFormat=b64_json&maxImages=2&stream=true&outputFormat=jpeg"
                + "&optimizePromptMode=standard", "the body prompt", Map.of(
                        SeedreamConstants.PROMPT, "the header prompt",
                        SeedreamConstants.MODEL, "header-model",
                        SeedreamConstants.SIZE, "1280x720",
                        SeedreamConstants.SEED, "33",
                        SeedreamConstants.WATERMARK, "true",
                        SeedreamConstants.RESPONSE_FORMAT, "url",
                        SeedreamConstants.MAX_IMAGES, "4",
                        SeedreamConstants.OUTPUT_FORMAT, "png",
                        SeedreamConstants.OPTIMIZE_PROMPT_MODE, "fast"));

        assertFields(request, ImageRequest.builder() // stream has no header
                .prompt("the header prompt").model("header-model").size("1280x720").seed(33L).watermark(true)
                .responseFormat(ResponseFormat.URL).sequentialImageGeneration(SequentialImageGeneration.AUTO)
                .maxImages(4).stream(true).outputFormat("png").optimizePromptMode("fast"));
    }

    @Test
    void aHeaderThatCannotBeConvertedIsNamedWithTheStartOfItsValue() {
        String value = "x".repeat(40) + "SHOULD-BE-CUT";

        assertThatThrownBy(() -> request("seedream:generate", "a prompt", Map.of(SeedreamConstants.MAX_IMAGES, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SeedreamConstants.MAX_IMAGES).hasMessageContaining("Integer")
                .hasMessageContaining("x".repeat(40) + "…").hasMessageNotContaining("SHOULD-BE-CUT");
    }

    @Test
    void generateTakesThePromptFromTheHeaderThenTheBodyThenTheOption() {
        String uri = "seedream:generate?prompt=the option prompt";

        assertThat(request(uri, "the body prompt", Map.of(SeedreamConstants.PROMPT, "the header prompt")).prompt())
                .isEqualTo("the header prompt");
        assertThat(request(uri, "the body prompt", Map.of(SeedreamConstants.PROMPT, "  ")).prompt())
                .as("a blank header gives no prompt").isEqualTo("the body prompt");
        assertThat(request(uri, "a prompt in bytes".getBytes(StandardCharsets.UTF_8), Map.of()).prompt())
                .as("a body Camel converts to text").isEqualTo("a prompt in bytes");
        assertThat(request(uri, " ", Map.of()).prompt()).isEqualTo("the option prompt");
    }

    @Test
    void editTakesThePromptFromTheHeaderThenTheOptionNeverFromTheBody() {
        assertThat(request("seedream:edit?prompt=the option prompt", PNG,
                Map.of(SeedreamConstants.PROMPT, "the header prompt")).prompt()).isEqualTo("the header prompt");
        assertThat(request("seedream:edit?prompt=the option prompt", PNG, Map.of()).prompt())
                .isEqualTo("the option prompt");
        assertThatThrownBy(() -> request("seedream:edit", PNG, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SeedreamConstants.PROMPT).hasMessageContaining("'prompt' endpoint option")
                .hasMessageNotContaining("String body");
    }

    @Test
    void aReadyRequestBodyIsSentAsItIsWhateverTheHeadersAndOptionsSay() {
        ImageRequest ready = ImageRequest.builder().prompt("ready").size("1K").build();
        Map<String, Object> headers = Map.of(SeedreamConstants.SIZE, "4K", SeedreamConstants.PROMPT, "ignored",
                SeedreamConstants.REFERENCE_IMAGES, PNG);

        assertThat(request("seedream:generate?size=2K&seed=5", ready, headers)).isSameAs(ready);
        assertThat(request("seedream:edit?size=2K&seed=5", ready, headers)).isSameAs(ready);
    }

    @Test
    void generateAddsTheReferenceImagesOfTheHeaderToThePrompt() {
        ImageRequest request = request("seedream:generate", "a prompt with references",
                Map.of(SeedreamConstants.REFERENCE_IMAGES, List.of(PNG, png(16, 16))));

        assertThat(request.prompt()).isEqualTo("a prompt with references");
        assertThat(request.images()).extracting(ReferenceImage::width).containsExactly(32, 16);
    }

    @Test
    void editTakesItsReferencesFromTheHeaderInsteadOfTheBody() {
        ImageRequest request = request("seedream:edit?prompt=edit it", PNG,
                Map.of(SeedreamConstants.REFERENCE_IMAGES, new Object[] {png(16, 16), png(8, 8)}));

        assertThat(request.images()).extracting(ReferenceImage::width).containsExactly(16, 8);
    }

    @Test
    void aPathIsOneReferenceNotAListOfItsNames(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("ref.png"), PNG);

        assertThat(request("seedream:edit?prompt=edit it", file, Map.of()).images()).singleElement()
                .extracting(ReferenceImage::width).isEqualTo(32);
    }

    @Test
    void aReferenceOfAnotherTypeIsConvertedByCamelOrRefusedNamingTheAcceptedTypes() {
        assertThat(request("seedream:edit?prompt=edit it", ByteBuffer.wrap(PNG), Map.of()).images()).singleElement()
                .extracting(ReferenceImage::width).isEqualTo(32);
        assertThatThrownBy(() -> request("seedream:edit?prompt=edit it", new Object(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object")
                .hasMessageContaining("accepted");
    }

    @Test
    void editWithoutAReferenceFailsNamingBodyAndHeader() {
        assertThatThrownBy(() -> request("seedream:edit?prompt=edit it", List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one reference image").hasMessageContaining("body")
                .hasMessageContaining(SeedreamConstants.REFERENCE_IMAGES);
    }

    @Test
    void aBatchPromptTakesHeadersAndOptionsButNeverStreams() {
        SeedreamConfiguration config = context.getEndpoint("seedream:batch?size=2K&seed=5&stream=true",
                SeedreamEndpoint.class).getConfiguration();
        Exchange exchange = exchange(List.of(), Map.of(SeedreamConstants.SIZE, "4K"));

        ImageRequest request = SeedreamBatchProducer.toRequest(exchange.getIn(), config, "one item");

        assertThat(request.prompt()).isEqualTo("one item");
        assertThat(request.size()).isEqualTo("4K");
        assertThat(request.seed()).isEqualTo(5L);
        assertThat(request.stream()).isFalse();
    }

    @Test
    void aBatchRequestItemIsSentAsItIsAndAnyOtherItemIsRefusedByType() {
        SeedreamConfiguration config = context.getEndpoint("seedream:batch?size=2K", SeedreamEndpoint.class)
                .getConfiguration();
        Exchange exchange = exchange(List.of(), Map.of());
        ImageRequest ready = ImageRequest.builder().prompt("ready").build();

        assertThat(SeedreamBatchProducer.toRequest(exchange.getIn(), config, ready)).isSameAs(ready);
        assertThatThrownBy(() -> SeedreamBatchProducer.toRequest(exchange.getIn(), config, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> SeedreamBatchProducer.toRequest(exchange.getIn(), config, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("got null");
    }
}
