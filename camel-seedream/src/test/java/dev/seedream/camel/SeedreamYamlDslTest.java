/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.List;

import dev.seedream.client.GeneratedImage;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes written in the YAML DSL, loaded the way Camel Main and the Camel CLI load them. */
class SeedreamYamlDslTest extends SeedreamTestSupport {

    @BeforeEach
    void loadYamlRoutes() throws Exception {
        context.getPropertiesComponent().addInitialProperty("seedream.baseUrl", emulator.baseUri().toString());
        context.getPropertiesComponent().addInitialProperty("seedream.apiKey", API_KEY);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/seedream-routes.yaml"));
    }

    @Test
    void aYamlRouteGeneratesAGroupAndSplitsIt() throws Exception {
        MockEndpoint images = getMockEndpoint("mock:yaml-image");
        images.expectedMessageCount(2);
        images.allMessages().body().isInstanceOf(GeneratedImage.class);

        template.sendBody("direct:yaml-generate", "two views of a mountain hut");

        images.assertIsSatisfied();
        assertThat(emulator.stats().requestsForPrompt("two views of a mountain hut")).isEqualTo(1);
    }

    @Test
    void aYamlRouteRunsABatchFromLinesOfText() throws Exception {
        MockEndpoint batch = getMockEndpoint("mock:yaml-batch");
        batch.expectedMessageCount(1);
        batch.expectedHeaderReceived(SeedreamConstants.BATCH_SUCCEEDED, 2);
        batch.expectedHeaderReceived(SeedreamConstants.BATCH_FAILED, 1);

        template.sendBody("direct:yaml-batch", "a red kite\nsomething forbidden\na blue kite\n");

        batch.assertIsSatisfied();
        List<?> results = batch.getExchanges().get(0).getIn().getBody(List.class);
        assertThat(results).hasSize(3);
    }
}
