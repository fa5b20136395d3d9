/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.springboot;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties cannot drift from the component: each option of the component's catalog JSON (in the
 * camel-seedream jar) is a property in the metadata IDEs read, with the catalog's description, a matching type and
 * default, its enum values as hints and checked values, and the catalog's secrets masked by actuator.
 */
class SeedreamStarterMetadataTest {

    private static final String PREFIX = "camel.component.seedream.";
    private static final Map<String, String> WRAPPERS = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "boolean", "java.lang.Boolean");

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = SeedreamStarterMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static Map<String, JsonNode> springProperties() throws Exception {
        Map<String, JsonNode> byName = new HashMap<>();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            read(resource).path("properties").forEach(property -> byName.put(property.path("name").asText(), property));
        }
        return byName;
    }

    private static JsonNode catalogOptions() throws Exception {
        return read("META-INF/dev/seedream/camel/seedream.json").path("componentProperties");
    }

    static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    @Test
    void everyCatalogOptionIsAPropertyWithItsDescriptionTypeAndDefault() throws Exception {
        Map<String, JsonNode> spring = springProperties();
        List<String> checked = new ArrayList<>();
        catalogOptions().properties().forEach(entry -> {
            String name = PREFIX + kebab(entry.getKey());
            JsonNode option = entry.getValue();
            JsonNode property = spring.get(name);
            assertThat(property).as(name).isNotNull();
            assertThat(property.path("description").asText()).as(name + " description")
                    .isEqualTo(option.path("description").asText());
            assertThat(property.path("type").asText()).as(name + " type").isEqualTo(expectedType(option));
            assertDefault(name, option, property);
            checked.add(name);
        });
        assertThat(checked).hasSizeGreaterThan(40);
        assertThat(spring.keySet()).as("no property the component does not have")
                .allMatch(name -> checked.contains(name) || name.equals(PREFIX + "enabled")
                        || name.equals(PREFIX + "customizer.enabled"));
        assertThat(spring.get(PREFIX + "enabled").path("description").asText()).isNotBlank();
    }

    private static String expectedType(JsonNode option) {
        if (option.path("type").asText().equals("duration")) {
            return "java.time.Duration";
        }
        String javaType = option.path("javaType").asText();
        return WRAPPERS.getOrDefault(javaType, javaType);
    }

    /**
     * A primitive option carries the catalog's default; a wrapper-typed one none, so that unset keeps the component's
     * "not set" (the catalog writes false for an unset Boolean).
     */
    private static void assertDefault(String name, JsonNode option, JsonNode property) {
        String javaType = option.path("javaType").asText();
        boolean unsetMeansSomething = javaType.startsWith("java.lang.") && !javaType.equals("java.lang.String");
        if (unsetMeansSomething || !option.has("defaultValue")) {
            assertThat(property.has("defaultValue")).as(name + " has no default").isFalse();
        } else {
            assertThat(property.path("defaultValue").asText()).as(name + " default")
                    .isEqualToIgnoringCase(option.path("defaultValue").asText());
        }
    }

    @Test
    void theCatalogsEnumsAreHintsAndCheckedValues() throws Exception {
        Map<String, List<String>> hints = new HashMap<>();
        read("META-INF/additional-spring-configuration-metadata.json").path("hints").forEach(hint -> {
            List<String> values = new ArrayList<>();
            hint.path("values").forEach(value -> values.add(value.path("value").asText()));
            hints.put(hint.path("name").asText(), values);
        });
        Map<String, List<String>> stringEnums = new HashMap<>();
        catalogOptions().properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            if (option.has("enum") && option.path("javaType").asText().equals("java.lang.String")) {
                List<String> values = new ArrayList<>();
                option.path("enum").forEach(value -> values.add(value.asText()));
                stringEnums.put(entry.getKey(), values);
            }
        });

        assertThat(SeedreamComponentConfiguration.ENUM_OPTIONS).isEqualTo(stringEnums);
        stringEnums.forEach((option, values) ->
                assertThat(hints.get(PREFIX + kebab(option))).as(option + " hints").isEqualTo(values));
    }

    @Test
    void theCatalogsSecretsAreWhatActuatorMasks() throws Exception {
        List<String> secrets = new ArrayList<>();
        catalogOptions().properties().forEach(entry -> {
            if (entry.getValue().path("secret").asBoolean()) {
                secrets.add(entry.getKey());
            }
        });

        assertThat(SeedreamActuatorAutoConfiguration.SECRET_OPTIONS).containsExactlyInAnyOrderElementsOf(secrets);
    }
}
