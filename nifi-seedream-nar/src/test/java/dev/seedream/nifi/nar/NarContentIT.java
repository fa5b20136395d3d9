/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.nifi.nar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** Opens the NAR the build just packaged and checks what NiFi needs to load it and show its documentation. */
class NarContentIT {

    private static final String PACKAGE = "dev.seedream.nifi.";
    private static final List<String> COMPONENTS = List.of(PACKAGE + "GenerateImageSeedream",
            PACKAGE + "EditImageSeedream", PACKAGE + "BatchGenerateImagesSeedream",
            PACKAGE + "StandardSeedreamConnectionService", PACKAGE + "RedisSeedreamImageBudgetService");
    private static final String BUNDLED = "META-INF/bundled-dependencies/";

    private static JarFile nar;

    @BeforeAll
    static void openNar() throws Exception {
        Path file = Path.of(System.getProperty("nar.file", "target/nifi-seedream-nar-0.1.0-SNAPSHOT.nar"));
        assertThat(file).exists();
        nar = new JarFile(file.toFile());
    }

    @AfterAll
    static void closeNar() throws Exception {
        nar.close();
    }

    @Test
    void manifestNamesTheStandardServicesApiNarAsParent() throws Exception {
        Attributes manifest = nar.getManifest().getMainAttributes();
        assertThat(manifest.getValue("Nar-Id")).isEqualTo("nifi-seedream-nar");
        assertThat(manifest.getValue("Nar-Dependency-Group")).isEqualTo("org.apache.nifi");
        assertThat(manifest.getValue("Nar-Dependency-Id")).isEqualTo("nifi-standard-services-api-nar");
    }

    @Test
    void bundlesTheClientAndItsLibrariesButNotWhatNiFiProvides() {
        List<String> bundled = bundledJars();
        assertThat(bundled).anyMatch(jar -> jar.startsWith("nifi-seedream-processors-"))
                .anyMatch(jar -> jar.startsWith("seedream-client-"))
                .anyMatch(jar -> jar.startsWith("async-http-client-"))
                .anyMatch(jar -> jar.startsWith("jackson-core-"))
                .anyMatch(jar -> jar.startsWith("netty-handler-"))
                .anyMatch(jar -> jar.startsWith("seedream-budget-redis-"))
                .anyMatch(jar -> jar.startsWith("lettuce-core-"));
        assertThat(bundled).noneMatch(jar -> jar.startsWith("nifi-api-") || jar.startsWith("nifi-utils-")
                || jar.startsWith("nifi-record-") || jar.startsWith("nifi-ssl-context-service-api-")
                || jar.startsWith("seedream-emulator-") || jar.startsWith("junit-") || jar.startsWith("slf4j-"));
    }

    @Test
    void extensionManifestListsEveryComponent() throws Exception {
        Document manifest = extensionManifest();
        NodeList extensions = manifest.getElementsByTagName("extension");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < extensions.getLength(); i++) {
            names.add(firstText((Element) extensions.item(i), "name"));
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(COMPONENTS);
        assertThat(manifest.getDocumentElement().getElementsByTagName("systemApiVersion").item(0).getTextContent())
                .isEqualTo("2.6.0");
    }

    /** Generate and Edit inherit their {@code @WritesAttributes}: NiFi's documentation must still list them. */
    @Test
    void everyProcessorListsTheAttributesItWritesAlsoWhenItsBaseClassDeclaresThem() throws Exception {
        Map<String, List<String>> written = new HashMap<>();
        NodeList extensions = extensionManifest().getElementsByTagName("extension");
        for (int i = 0; i < extensions.getLength(); i++) {
            Element extension = (Element) extensions.item(i);
            NodeList attributes = extension.getElementsByTagName("writesAttribute");
            List<String> names = new ArrayList<>();
            for (int j = 0; j < attributes.getLength(); j++) {
                names.add(firstText((Element) attributes.item(j), "name"));
            }
            written.put(firstText(extension, "name"), names);
        }
        List<String> onImagesAndFailures = List.of("mime.type", "filename", "seedream.model", "seedream.request.id",
                "fragment.identifier", "seedream.error.code", "seedream.http.status");

        assertThat(written.get(PACKAGE + "GenerateImageSeedream")).containsAll(onImagesAndFailures)
                .isEqualTo(written.get(PACKAGE + "EditImageSeedream"));
        assertThat(written.get(PACKAGE + "BatchGenerateImagesSeedream")).containsAll(onImagesAndFailures)
                .contains("seedream.record.index", "record.count");
    }

    @Test
    void everyComponentHasItsAdditionalDetails() throws Exception {
        for (String component : COMPONENTS) {
            ZipEntry entry = nar.getEntry("META-INF/docs/additional-details/" + component + "/additionalDetails.md");
            assertThat(entry).as(component).isNotNull();
            try (InputStream in = nar.getInputStream(entry)) {
                assertThat(new String(in.readAllBytes())).startsWith("# " + component.substring(PACKAGE.length()));
            }
        }
    }

    /** NiFi's own NARs name what they bundle and under which licence: so must ours, jar by jar. */
    @Test
    void itsLicenceAndNoticeNameEveryBundledJar() throws Exception {
        String license = entryText("META-INF/LICENSE");
        assertThat(license).contains("Apache License").contains("Version 2.0, January 2004");
        assertThat(entryText("META-INF/NOTICE")).contains("Seedream NAR for Apache NiFi");
        for (String jar : bundledJars()) {
            String artifactId = jar.replaceFirst("-\\d.*$", "");
            assertThat(Pattern.compile("(?<![\\w.-])" + Pattern.quote(artifactId) + "(?![\\w-])").matcher(license)
                    .find()).as("META-INF/LICENSE names the bundled " + artifactId).isTrue();
        }
    }

    /** Our own jars carry the project's LICENSE and NOTICE, wherever they travel. */
    @Test
    void ourBundledJarsCarryTheProjectsLicenceAndNotice() throws Exception {
        List<String> ours = bundledJars().stream()
                .filter(jar -> jar.startsWith("seedream-") || jar.startsWith("nifi-seedream-")).toList();
        assertThat(ours).hasSize(3);
        for (String jar : ours) {
            List<String> legal = new ArrayList<>();
            try (JarInputStream in = new JarInputStream(nar.getInputStream(nar.getEntry(BUNDLED + jar)))) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (entry.getName().equals("META-INF/LICENSE") || entry.getName().equals("META-INF/NOTICE")) {
                        legal.add(entry.getName() + ":" + new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                .lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(""));
                    }
                }
            }
            assertThat(legal).as(jar).containsExactlyInAnyOrder("META-INF/LICENSE:Apache License",
                    "META-INF/NOTICE:Seedream for Camel and NiFi");
        }
    }

    private static String entryText(String name) throws Exception {
        ZipEntry entry = nar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = nar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document extensionManifest() throws Exception {
        ZipEntry entry = nar.getEntry("META-INF/docs/extension-manifest.xml");
        assertThat(entry).isNotNull();
        try (InputStream in = nar.getInputStream(entry)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static String firstText(Element element, String tag) {
        return element.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static List<String> bundledJars() {
        return Collections.list(nar.entries()).stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith(BUNDLED) && name.endsWith(".jar"))
                .map(name -> name.substring(BUNDLED.length())).toList();
    }
}
