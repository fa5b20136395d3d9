/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.util.ArrayList;
import org.apache.nifi.annotation.documentation.CapabilityDescription;
import org.apache.nifi.annotation.documentation.UseCase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our NAR in a real NiFi: listed with its bundle, documented by NiFi itself, its service verified and enabled. */
@Order(1)
class NarInNiFiIT extends RealNiFiTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    private static Canvas canvas;

    @BeforeAll
    static void canvas() {
        canvas = new Canvas(nifi.api(), 0);
    }

    @AfterAll
    static void stop() {
        canvas.stopAll();
    }

    private static final String BUDGET_SERVICE_TYPE = "dev.seedream.nifi.RedisSeedreamImageBudgetService";

    @Test
    void theThreeProcessorsAndTheTwoServicesAreListedWithOurBundle() {
        JsonNode processors = nifi.api().get("/flow/processor-types?bundleGroupFilter=" + Canvas.SEEDREAM_GROUP);
        assertThat(types(processors.get("processorTypes"))).containsExactlyInAnyOrder(GENERATE_TYPE, EDIT_TYPE,
                BATCH_TYPE);
        JsonNode services = nifi.api().get("/flow/controller-service-types?bundleGroupFilter="
                + Canvas.SEEDREAM_GROUP);
        assertThat(types(services.get("controllerServiceTypes"))).containsExactlyInAnyOrder(SERVICE_TYPE,
                BUDGET_SERVICE_TYPE);
        for (JsonNode type : processors.get("processorTypes")) {
            assertThat(type.get("bundle")).isEqualTo(Canvas.seedreamBundle());
            assertThat(type.at("/description").asText()).isNotBlank();
        }
        List<String> apis = new ArrayList<>();
        services.get("controllerServiceTypes").forEach(type -> apis.add(type.at("/controllerServiceApis/0/type")
                .asText()));
        assertThat(apis).containsExactlyInAnyOrder("dev.seedream.nifi.SeedreamConnectionService",
                "dev.seedream.nifi.SeedreamImageBudgetService");
    }

    @Test
    void nifiServesTheBudgetServicesPropertiesAndDocumentation() {
        JsonNode definition = nifi.api().get("/flow/controller-service-definition/"
                + coordinates(BUDGET_SERVICE_TYPE));
        assertThat(definition.get("propertyDescriptors").fieldNames()).toIterable().containsExactly("Redis Mode",
                "Connection String", "Username", "Password", "SSL Context Service", "Communication Timeout",
                "Budget Key", "Images Per Minute", "Fallback", "Redis Retry Interval");
        assertThat(definition.at("/propertyDescriptors/Password/sensitive").asBoolean()).isTrue();
        assertThat(definition.at("/propertyDescriptors/Communication Timeout/defaultValue").asText())
                .isEqualTo("500 millis");
        JsonNode connection = nifi.api().get("/flow/controller-service-definition/" + coordinates(SERVICE_TYPE));
        assertThat(connection.at("/propertyDescriptors/Image Budget Service/typeProvidedByValue/type").asText())
                .isEqualTo("dev.seedream.nifi.SeedreamImageBudgetService");
        assertThat(nifi.api().get("/flow/additional-details/" + coordinates(BUDGET_SERVICE_TYPE))
                .get("additionalDetails").asText()).startsWith("# RedisSeedreamImageBudgetService")
                .contains("**Local Share**");
    }

    @ParameterizedTest
    @ValueSource(strings = {GENERATE_TYPE, EDIT_TYPE, BATCH_TYPE})
    void nifiServesEachProcessorsDocumentation(String type) throws ClassNotFoundException {
        JsonNode definition = nifi.api().get("/flow/processor-definition/" + coordinates(type));
        Class<?> processor = Class.forName(type);
        assertThat(definition.get("typeDescription").asText())
                .isEqualTo(processor.getAnnotation(CapabilityDescription.class).value());
        assertThat(definition.get("propertyDescriptors").has("Seedream Connection Service")).isTrue();
        assertThat(definition.get("propertyDescriptors").has("Run Timeout")).isTrue();
        assertThat(names(definition.get("supportedRelationships"))).contains("success", "failure", "retry");
        assertThat(names(definition.get("writesAttributes"))).contains("seedream.request.id", "seedream.model");
        assertThat(definition.get("useCases")).hasSize(processor.getAnnotationsByType(UseCase.class).length)
                .isNotEmpty();
        assertThat(definition.get("useCases").get(0).get("configuration").asText()).isNotBlank();
        assertThat(definition.get("additionalDetails").asBoolean()).isTrue();
        String details = nifi.api().get("/flow/additional-details/" + coordinates(type))
                .get("additionalDetails").asText();
        assertThat(details).startsWith("# " + type.substring(type.lastIndexOf('.') + 1));
    }

    @Test
    void nifiServesTheServicesDocumentation() {
        JsonNode definition = nifi.api().get("/flow/controller-service-definition/" + coordinates(SERVICE_TYPE));
        assertThat(definition.get("propertyDescriptors").fieldNames()).toIterable().contains("API Base URL",
                "API Key", "Model", "Images Per Minute", "Rate Limit Wait Timeout", "Quota Exhausted Pause");
        assertThat(definition.at("/propertyDescriptors/API Key/sensitive").asBoolean()).isTrue();
        assertThat(nifi.api().get("/flow/additional-details/" + coordinates(SERVICE_TYPE))
                .get("additionalDetails").asText()).startsWith("# StandardSeedreamConnectionService")
                .contains("**Rate Limit Wait Timeout**");
    }

    @Test
    void verifyNamesA401ForAWrongKeyPassesWithTheRightOneAndGeneratesNothing() {
        String id = canvas.addService(SERVICE_TYPE, Canvas.seedreamBundle(), "Seedream verified",
                serviceProperties(emulator.baseUri(), API_KEY));

        List<JsonNode> wrong = canvas.verifyService(id, serviceProperties(emulator.baseUri(), "not-the-key"));
        assertThat(wrong).anySatisfy(step -> {
            assertThat(step.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(step.get("explanation").asText()).contains("401").doesNotContain("not-the-key");
        });

        List<JsonNode> right = canvas.verifyService(id, serviceProperties(emulator.baseUri(), API_KEY));
        assertThat(right).isNotEmpty().allSatisfy(step ->
                assertThat(step.get("outcome").asText()).as(step.toString()).isIn("SUCCESSFUL", "SKIPPED"));
        assertThat(right).anySatisfy(step -> assertThat(step.get("outcome").asText()).isEqualTo("SUCCESSFUL"));

        assertThat(emulator.stats().generationRequests()).as("Verify reached the API").isPositive();
        assertThat(emulator.stats().imagesGenerated()).as("Verify must not bill an image").isZero();

        canvas.enableService(id);
        JsonNode enabled = nifi.api().get("/controller-services/" + id);
        assertThat(enabled.at("/component/state").asText()).isEqualTo("ENABLED");
        assertThat(enabled.at("/component/properties/API Key").asText()).as("NiFi masks sensitive values")
                .isNotEqualTo(API_KEY);
        canvas.disableService(id);
    }

    private static String coordinates(String type) {
        return Canvas.SEEDREAM_GROUP + "/" + Canvas.SEEDREAM_NAR + "/" + System.getProperty("seedream.version")
                + "/" + type;
    }

    private static List<String> types(JsonNode list) {
        List<String> types = new ArrayList<>();
        list.forEach(t -> types.add(t.get("type").asText()));
        return types;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
