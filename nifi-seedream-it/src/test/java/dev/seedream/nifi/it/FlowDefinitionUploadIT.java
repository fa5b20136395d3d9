/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/nifi/seedream-flow.json} uploaded as the UI's "Upload flow definition" does: our components come
 * up with their properties, service reference and parameters; only the standard processors this assembly lacks are
 * missing.
 */
@Order(4)
class FlowDefinitionUploadIT extends RealNiFiTest {

    private static final List<String> STANDARD_PROCESSORS = List.of("Read prompt files", "Every minute: a skyline",
            "Read product photos", "Write images", "Keep failed inputs");

    @Test
    void theExampleFlowImportsWithEverySeedreamComponentIntact() throws IOException {
        JsonNode definition = NiFiApi.JSON.readTree(Files.readAllBytes(flowDefinition()));
        String group = upload("Seedream example", definition, 1200);
        JsonNode flow = nifi.api().get("/flow/process-groups/" + group).at("/processGroupFlow/flow");

        List<String> missing = new ArrayList<>();
        Map<String, JsonNode> seedream = new java.util.HashMap<>();
        for (JsonNode processor : flow.get("processors")) {
            JsonNode component = processor.get("component");
            if (component.get("extensionMissing").asBoolean()) {
                missing.add(component.get("name").asText());
            } else {
                seedream.put(component.get("name").asText(), component);
            }
        }
        assertThat(missing).as("standard processors, not in this assembly")
                .containsExactlyInAnyOrderElementsOf(STANDARD_PROCESSORS);
        assertThat(seedream).containsOnlyKeys("Generate images", "Edit product photos");

        JsonNode services = servicesOf(group);
        assertThat(services).extracting(s -> s.at("/component/name").asText()).containsExactly("Seedream Connection");
        JsonNode service = services.get(0).get("component");
        assertThat(service.get("extensionMissing").asBoolean()).isFalse();
        assertThat(service.get("bundle")).isEqualTo(Canvas.seedreamBundle());
        assertThat(service.at("/properties/API Base URL").asText()).isEqualTo("#{Seedream Base URL}");
        assertThat(service.at("/properties/API Key").asText()).as("set, and masked as sensitive")
                .isEqualTo("********");
        assertThat(service.at("/properties/Max Concurrent Requests").asText()).isEqualTo("16");

        JsonNode generate = seedream.get("Generate images");
        assertThat(generate.get("bundle")).isEqualTo(Canvas.seedreamBundle());
        assertThat(generate.at("/config/properties/Seedream Connection Service").asText())
                .isEqualTo(service.get("id").asText());
        assertThat(generate.at("/config/properties/Size").asText()).isEqualTo(
                definition.at("/flowContents/processors").findValues("properties").stream()
                        .filter(p -> p.has("Prompt Source")).findFirst().orElseThrow().get("Size").asText());
        assertThat(seedream.get("Edit product photos").at("/config/properties/Seedream Connection Service")
                .asText()).isEqualTo(service.get("id").asText());
        // The one thing left to the user: the secret parameter has no value in a saved flow.
        assertThat(service.get("validationErrors")).hasSize(1);
        assertThat(service.at("/validationErrors/0").asText()).contains("'API Key'").contains("required");

        String contextId = nifi.api().get("/process-groups/" + group).at("/component/parameterContext/id").asText();
        JsonNode parameters = nifi.api().get("/parameter-contexts/" + contextId).at("/component/parameters");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        parameters.forEach(p -> byName.put(p.at("/parameter/name").asText(), p.get("parameter")));
        assertThat(byName).containsKeys("Seedream API Key", "Seedream Base URL", "Seedream Model");
        assertThat(byName.get("Seedream API Key").get("sensitive").asBoolean()).isTrue();
        assertThat(byName.get("Seedream Model").get("value").asText()).startsWith("seedream-");
    }

    @Test
    void aProxyServiceSavedByANewerNiFiStaysAttachedToTheConnectionService() throws IOException {
        ObjectNode definition = (ObjectNode) NiFiApi.JSON.readTree(Files.readAllBytes(flowDefinition()));
        ObjectNode contents = (ObjectNode) definition.get("flowContents");
        String proxyId = UUID.randomUUID().toString();
        ObjectNode proxy = NiFiApi.object().put("identifier", proxyId).put("name", "Corporate proxy")
                .put("type", "org.apache.nifi.proxy.StandardProxyConfigurationService")
                .put("componentType", "CONTROLLER_SERVICE").put("scheduledState", "DISABLED");
        proxy.set("bundle", Canvas.nifiBundle("nifi-proxy-configuration-nar"));
        proxy.set("properties", NiFiApi.JSON.valueToTree(Map.of("proxy-type", "HTTP",
                "proxy-server-host", "127.0.0.1", "proxy-server-port", "3128")));
        proxy.set("propertyDescriptors", NiFiApi.object());
        ((com.fasterxml.jackson.databind.node.ArrayNode) contents.get("controllerServices")).add(proxy);
        // As NiFi 2.4 and later save it: the property, and its descriptor saying it names a controller service.
        ObjectNode seedreamService = (ObjectNode) contents.at("/controllerServices/0");
        ((ObjectNode) seedreamService.get("properties")).put("Proxy Configuration Service", proxyId);
        ((ObjectNode) seedreamService.get("propertyDescriptors")).set("Proxy Configuration Service",
                NiFiApi.object().put("name", "Proxy Configuration Service")
                        .put("displayName", "Proxy Configuration Service").put("identifiesControllerService", true)
                        .put("sensitive", false).put("dynamic", false));

        String group = upload("Seedream behind a proxy", definition, 1500);
        JsonNode services = servicesOf(group);
        JsonNode seedream = null;
        String importedProxy = null;
        for (JsonNode s : services) {
            if (s.at("/component/type").asText().equals(SERVICE_TYPE)) {
                seedream = s.get("component");
            } else {
                importedProxy = s.at("/component/id").asText();
            }
        }
        assertThat(seedream).isNotNull();
        assertThat(importedProxy).isNotNull();
        assertThat(seedream.at("/properties/proxy-configuration-service").asText())
                .as("NiFi 2.3 names the property proxy-configuration-service").isEqualTo(importedProxy);
        assertThat(seedream.get("properties").has("Proxy Configuration Service")).isFalse();
    }

    @Test
    void aFlowSavedWithTheFormerPropertyNamesComesUpUnderTheNewOnes() throws IOException {
        String saved = Files.readString(flowDefinition()).replace("\"Max FlowFiles Per Run\"", "\"Batch Size\"")
                .replace("\"Run Timeout\"", "\"Max Wait Time\"");
        ObjectNode definition = (ObjectNode) NiFiApi.JSON.readTree(saved);
        ((ObjectNode) definition.at("/flowContents/controllerServices/0/properties")).put("Max Limit Wait", "20 secs");

        String group = upload("Seedream under former names", definition, 2100);

        JsonNode generate = null;
        for (JsonNode processor : nifi.api().get("/flow/process-groups/" + group)
                .at("/processGroupFlow/flow/processors")) {
            if (processor.at("/component/name").asText().equals("Generate images")) {
                generate = processor.at("/component/config/properties");
            }
        }
        assertThat(generate).isNotNull();
        assertThat(generate.at("/Max FlowFiles Per Run").asText()).isEqualTo("16");
        assertThat(generate.at("/Run Timeout").asText()).isEqualTo("15 mins");
        assertThat(generate.has("Batch Size") || generate.has("Max Wait Time")).isFalse();
        JsonNode service = servicesOf(group).get(0).at("/component/properties");
        assertThat(service.at("/Rate Limit Wait Timeout").asText()).isEqualTo("20 secs");
        assertThat(service.has("Max Limit Wait")).isFalse();
    }

    /** The group's own services, not those it inherits from the root group. */
    private static JsonNode servicesOf(String group) {
        return nifi.api().get("/flow/process-groups/" + group + "/controller-services?includeAncestorGroups=false")
                .get("controllerServices");
    }

    /** POST .../process-groups/upload, the UI's "Upload flow definition"; returns the new group's id. */
    private static String upload(String name, JsonNode definition, int y) {
        String root = new Canvas(nifi.api(), y).rootId();
        return nifi.api().upload("/process-groups/" + root + "/process-groups/upload", "flow.json",
                        definition.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "groupName", name, "positionX", "0", "positionY", Integer.toString(y),
                        "clientId", UUID.randomUUID().toString(), "disconnectedNodeAcknowledged", "false")
                .at("/id").asText();
    }

    private static Path flowDefinition() {
        return Path.of(System.getProperty("flow.definition"));
    }
}
