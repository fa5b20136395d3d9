/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped YAML example under {@code camel run}, as a user runs it: the Camel CLI 4.17 in its own JVM,
 * {@code --dep=dev.seedream:camel-seedream:<version>}, application.properties named on the command line, the
 * emulator on 127.0.0.1. Maven Central is switched off for the CLI: it takes this build's jars from target/cli-repo
 * and everything else from the build's local repository, so nothing leaves the machine.
 */
class CamelRunExampleTest {

    /** A key the CLI's output must never show. */
    private static final String API_KEY = "sk-cli-" + Long.toHexString(System.nanoTime());
    /** About 20 s on 2 cores; the margin is for a loaded build machine. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String VERSION = System.getProperty("seedream.version");

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator =
            SeedreamEmulatorExtension.with(EmulatorConfig.builder().port(0).apiKeys(API_KEY).build());

    @Test
    void camelRunOfTheExampleWritesAnImagePerPromptAndRejectsTheForbiddenOne(@TempDir Path work) throws Exception {
        Path examples = Path.of(System.getProperty("examples.resources"));
        Files.copy(examples.resolve("routes/generate-images.yaml"), work.resolve("generate-images.yaml"));
        Files.copy(examples.resolve("application.properties"), work.resolve("application.properties"));
        // Where application.properties looks (prompts.dir = examples), and a comment line the route must skip.
        Files.writeString(Files.createDirectories(work.resolve("examples")).resolve("prompts.txt"),
                "# harbours\na harbour at night\na forbidden harbour\na harbour at noon\n");

        String output = camelRun(work, "generate-images.yaml", "application.properties",
                "--dep=dev.seedream:camel-seedream:" + VERSION, "--max-messages=1");

        Path images = work.resolve("seedream-images");
        assertThat(filesIn(images, ".jpg")).hasSize(2)
                .allSatisfy(image -> assertThat(ImageIO.read(image.toFile()).getWidth()).isEqualTo(1024));
        assertThat(filesIn(images.resolve("rejected"), ".txt")).singleElement()
                .satisfies(prompt -> assertThat(Files.readString(prompt)).isEqualTo("a forbidden harbour"));
        assertThat(emulator.stats().generationRequests()).isEqualTo(3);
        assertThat(output).contains("Apache Camel 4.17.0 (generate-images) started")
                .contains("camel.component.seedream.apiKey = xxxxxx")
                .doesNotContain(API_KEY)
                .doesNotContain("Failed delivery");
        assertResolvedOnlyOurJarsBesideTheClisCamel(work.resolve("m2"));
    }

    /**
     * {@code --dep} brought this build's jar and no Camel of its own (the component's Camel dependency is
     * {@code provided}), so the CLI's 4.17 is the only Camel resolved: every Camel jar there is one the CLI asked for.
     */
    private static void assertResolvedOnlyOurJarsBesideTheClisCamel(Path cliRepo) throws Exception {
        String jar = "dev/seedream/camel-seedream/" + VERSION + "/camel-seedream-" + VERSION + ".jar";
        Path staged = Path.of(System.getProperty("cli.staged.repo")).resolve(jar);
        // Seeded before the run: had the resolver taken another repository's copy, it would have replaced this file.
        assertThat(Files.mismatch(staged, cliRepo.resolve(jar))).as("the jar --dep resolved is this build's")
                .isEqualTo(-1L);
        try (Stream<Path> files = Files.walk(cliRepo.resolve("org/apache/camel"))) {
            List<String> camelJars = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar") && !name.startsWith("camel-kamelets-")).toList();
            assertThat(camelJars).isNotEmpty().allSatisfy(name -> assertThat(name).endsWith("-4.17.0.jar"));
        }
    }

    /** Runs {@code camel run args...} in {@code work} and returns its output (colours stripped) once it exits 0. */
    private static String camelRun(Path work, String... args) throws Exception {
        // This build's jars go into the CLI's own local repository first: a repository on the --repos list may hold an
        // older install of the same snapshot (the build's ~/.m2 does after any `./mvnw install`), and the resolver
        // would take that one.
        Path cliLocalRepo = work.resolve("m2");
        copyTree(Path.of(System.getProperty("cli.staged.repo")), cliLocalRepo);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + work.resolve("home"), // the CLI's ~/.camel state stays in the temp folder
                "-Dmaven.repo.local=" + cliLocalRepo,
                "-cp", Path.of(System.getProperty("cli.lib"), "*").toString(),
                System.getProperty("cli.launcher"), "run"));
        command.addAll(List.of(args));
        command.add("--repos=" + Path.of(System.getProperty("cli.staged.repo")).toUri()
                + "," + Path.of(System.getProperty("cli.local.repo")).toUri());
        command.add("--maven-central-enabled=false");
        Path log = work.resolve("cli.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The example's application.properties reads both from the environment, as a user's deployment would.
        builder.environment().put("SEEDREAM_BASE_URL", emulator.baseUri().toString());
        builder.environment().put("SEEDREAM_API_KEY", API_KEY);
        Process cli = builder.start();
        try {
            boolean exited = cli.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String output = new String(Files.readAllBytes(log), UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
            assertThat(exited).as("camel run ended within %s; its output:%n%s", TIMEOUT, output).isTrue();
            assertThat(cli.exitValue()).as("exit code of camel run; its output:%n%s", output).isZero();
            return output;
        } finally {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static List<Path> filesIn(Path dir, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
