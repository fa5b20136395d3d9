/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Generates one image per line of a prompts file, then exits: 0 when every prompt became an image or was refused by
 * the content policy, 1 otherwise. Settings: {@code application.properties}; the key from {@code SEEDREAM_API_KEY}.
 */
@SpringBootApplication
public class PromptsToImagesApplication {

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args));
    }

    /** Runs the job to its end and closes the application; the exit code. */
    static int run(String... args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(PromptsToImagesApplication.class, args);
        boolean succeeded = context.getBean(JobCompletion.class).await();
        return SpringApplication.exit(context, () -> succeeded ? 0 : 1);
    }
}
