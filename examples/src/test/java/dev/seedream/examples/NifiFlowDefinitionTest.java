/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.nifi.components.AllowableValue;
import org.apache.nifi.components.ConfigurableComponent;
import org.apache.nifi.components.PropertyDescriptor;
import org.apache.nifi.processor.Processor;
import org.apache.nifi.processor.Relationship;
import org.apache.nifi.util.TestRunners;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped NiFi flow definition must name our components as the NAR registers them: type, bundle, every
 * property (and its allowed value) and every relationship it wires. NiFi's own processors are only checked for
 * their bundle, since their classes are not on this classpath.
 */
class NifiFlowDefinitionTest {

    private static final Path FLOW = Path.of("nifi", "seedream-flow.json");
    private static final String OUR_GROUP = "dev.seedream";
    private static final String OUR_NAR = "nifi-seedream-nar";

    private static JsonNode flow;

    @BeforeAll
    static void read() throws IOException {
        flow = new ObjectMapper().readTree(FLOW.toFile());
    }

    @Test
    void everyComponentOfOursExistsWithTheNarsBundleCoordinates() throws Exception {
        List<JsonNode> ours = ourComponents();

        assertThat(ours).extracting(node -> node.path("type").asText()).contains(
                "dev.seedream.nifi.GenerateImageSeedream", "dev.seedream.nifi.EditImageSeedream",
                "dev.seedream.nifi.StandardSeedreamConnectionService");
        for (JsonNode component : ours) {
            assertThat(Class.forName(component.path("type").asText())).isAssignableTo(ConfigurableComponent.class);
            assertThat(component.path("bundle").path("version").asText()).isEqualTo(projectVersion());
        }
    }

    @Test
    void everyPropertyOfOursIsAKnownPropertyWithAnAllowedValue() throws Exception {
        for (JsonNode component : ourComponents()) {
            Map<String, PropertyDescriptor> known = descriptors(component.path("type").asText());
            component.path("properties").fields().forEachRemaining(property -> {
                assertThat(known).as("properties of %s", component.path("name").asText())
                        .containsKey(property.getKey());
                List<AllowableValue> allowed = known.get(property.getKey()).getAllowableValues();
                if (allowed != null && !property.getValue().asText().startsWith("#{")) {
                    assertThat(allowed).extracting(AllowableValue::getValue).as(property.getKey())
                            .contains(property.getValue().asText());
                }
            });
        }
    }

    @Test
    void requiredPropertiesOfOurProcessorsAreSetOrDefaulted() throws Exception {
        for (JsonNode component : ourComponents()) {
            for (PropertyDescriptor descriptor : descriptors(component.path("type").asText()).values()) {
                if (descriptor.isRequired() && descriptor.getDefaultValue() == null
                        && descriptor.getDependencies().isEmpty()) {
                    assertThat(component.path("properties").has(descriptor.getName()))
                            .as("%s sets %s", component.path("name").asText(), descriptor.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void connectionsLeaveOurProcessorsOnlyByTheirRelationshipsAndCoverEachOfThem() throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        flow.path("flowContents").path("processors").forEach(p -> byId.put(p.path("identifier").asText(), p));
        Map<String, Set<String>> wired = new HashMap<>();
        for (JsonNode connection : flow.path("flowContents").path("connections")) {
            JsonNode source = byId.get(connection.path("source").path("id").asText());
            assertThat(source).isNotNull();
            assertThat(byId).containsKey(connection.path("destination").path("id").asText());
            connection.path("selectedRelationships").forEach(rel ->
                    wired.computeIfAbsent(source.path("identifier").asText(), k -> new java.util.HashSet<>())
                            .add(rel.asText()));
        }
        for (JsonNode processor : ourComponents()) {
            if (!processor.path("componentType").asText().equals("PROCESSOR")) {
                continue;
            }
            Set<String> relationships = relationships(processor.path("type").asText());
            Set<String> handled = new java.util.HashSet<>(wired.getOrDefault(processor.path("identifier").asText(),
                    Set.of()));
            processor.path("autoTerminatedRelationships").forEach(rel -> handled.add(rel.asText()));
            assertThat(handled).as("relationships of %s", processor.path("name").asText())
                    .isEqualTo(relationships);
        }
    }

    @Test
    void theApiKeyIsASensitiveParameterAndNeverAValue() {
        JsonNode service = ourComponents().stream()
                .filter(c -> c.path("componentType").asText().equals("CONTROLLER_SERVICE")).findFirst().orElseThrow();
        assertThat(service.path("properties").path("API Key").asText()).isEqualTo("#{Seedream API Key}");
        JsonNode parameter = StreamSupport.stream(flow.path("parameterContexts").path("Seedream").path("parameters")
                .spliterator(), false).filter(p -> p.path("name").asText().equals("Seedream API Key"))
                .findFirst().orElseThrow();
        assertThat(parameter.path("sensitive").asBoolean()).isTrue();
        assertThat(parameter.has("value")).isFalse();
    }

    @Test
    void nifisOwnProcessorsComeFromTheStandardNar() {
        for (JsonNode processor : flow.path("flowContents").path("processors")) {
            if (processor.path("type").asText().startsWith("org.apache.nifi.")) {
                assertThat(processor.path("bundle").path("artifact").asText()).isEqualTo("nifi-standard-nar");
            }
        }
    }

    private static List<JsonNode> ourComponents() {
        List<JsonNode> ours = new ArrayList<>();
        JsonNode contents = flow.path("flowContents");
        for (String kind : List.of("processors", "controllerServices")) {
            contents.path(kind).forEach(node -> {
                JsonNode bundle = node.path("bundle");
                if (bundle.path("group").asText().equals(OUR_GROUP)) {
                    assertThat(bundle.path("artifact").asText()).isEqualTo(OUR_NAR);
                    ours.add(node);
                }
            });
        }
        return ours;
    }

    private static Map<String, PropertyDescriptor> descriptors(String type) throws Exception {
        ConfigurableComponent component = (ConfigurableComponent) Class.forName(type).getDeclaredConstructor()
                .newInstance();
        if (component instanceof Processor) {
            component = TestRunners.newTestRunner((Processor) component).getProcessor();
        }
        return component.getPropertyDescriptors().stream()
                .collect(Collectors.toMap(PropertyDescriptor::getName, d -> d));
    }

    private static Set<String> relationships(String type) throws Exception {
        Processor processor = TestRunners.newTestRunner(
                (Processor) Class.forName(type).getDeclaredConstructor().newInstance()).getProcessor();
        return processor.getRelationships().stream().map(Relationship::getName).collect(Collectors.toSet());
    }

    /** Set by the build (surefire), so the flow must be updated with each release. */
    private static String projectVersion() {
        return System.getProperty("project.version");
    }
}
