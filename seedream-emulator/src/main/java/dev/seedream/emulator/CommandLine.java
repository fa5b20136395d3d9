/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --flag value} / {@code --flag=value} arguments into an {@link EmulatorConfig}. */
final class CommandLine {

    private final boolean help;
    private final EmulatorConfig config;

    private CommandLine(boolean help, EmulatorConfig config) {
        this.help = help;
        this.config = config;
    }

    /** @throws IllegalArgumentException with a message for the user on an unknown flag or a bad value */
    static CommandLine parse(String... args) {
        Map<ConfigOption, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLine(true, null);
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            ConfigOption option = ConfigOption.byFlag(name);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value (" + option.valueName() + ")");
            }
            given.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
        }
        EmulatorConfig.Builder builder = EmulatorConfig.builder().port(8089);
        given.forEach((option, values) -> {
            try {
                option.apply(builder, values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad value for --" + option.flag() + ": " + e.getMessage(), e);
            }
        });
        return new CommandLine(false, builder.build());
    }

    boolean help() {
        return help;
    }

    EmulatorConfig config() {
        return config;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar seedream-emulator.jar [options]

                A local Seedream image API (POST /api/v3/images/generations) with injectable faults.
                Admin API: /__emulator/stats, /__emulator/faults, /__emulator/config, /__emulator/reset.

                Options:
                """);
        for (ConfigOption option : ConfigOption.values()) {
            String flag = "--" + option.flag() + " " + option.valueName();
            text.append(String.format("  %-36s %s%n", flag, option.help()));
        }
        text.append(String.format("  %-36s %s%n", "--help", "show this help"));
        text.append(String.format("%nFaults: %s%n",
                List.of(Fault.values())));
        return text.toString();
    }
}
