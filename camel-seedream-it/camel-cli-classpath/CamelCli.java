/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
/**
 * The Camel CLI without JBang: camel-jbang-core 4.17 has no main method, only CamelJBangMain.run(args).
 * Run as a source file: java -cp "target/lib/*" CamelCli.java run my-route.camel.yaml ...
 */
public class CamelCli {
    public static void main(String[] args) {
        org.apache.camel.dsl.jbang.core.commands.CamelJBangMain.run(args);
    }
}
