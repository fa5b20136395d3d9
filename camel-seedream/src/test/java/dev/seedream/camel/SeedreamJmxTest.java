/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.seedream.emulator.junit.RedisServer;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's client and budget counters, read as an operator reads them: attributes of the endpoint's MBean on
 * the platform MBean server (camel-management on the class path), after real calls to the emulator. A context of its
 * own: CamelTestSupport switches JMX off, and the switch is named differently on each Camel line.
 */
class SeedreamJmxTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    private static final String JMX_DISABLED = "org.apache.camel.jmx.disabled";

    @Test
    void theEndpointMBeanShowsTheClientsCounters() throws Exception {
        try (CamelContext context = startedContext("seedream:generate?imagesPerMinute=0")) {
            ProducerTemplate template = context.createProducerTemplate();
            template.requestBody("direct:generate", "a lighthouse");
            template.requestBody("direct:generate", "a harbour");

            ObjectName endpoint = seedreamEndpointMBean(context);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            assertThat(server.getAttribute(endpoint, "RequestsSent")).isEqualTo(2L);
            assertThat(server.getAttribute(endpoint, "Retries")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "RateLimited")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "Failures")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "InFlight")).isEqualTo(0);
            assertThat(server.getAttribute(endpoint, "Waiting")).isEqualTo(0);
            assertThat(server.getAttribute(endpoint, "Budget")).isEqualTo("");
            assertThat(server.getAttribute(endpoint, "BudgetGrants")).as("the client's own window").isEqualTo(2L);
            assertThat(server.getAttribute(endpoint, "BudgetRedisCalls")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "EndpointUri")).as("Camel's own attributes stay")
                    .asString().startsWith("seedream://generate");
        }
    }

    @Test
    void withARedisBudgetTheMBeanShowsItsCountersToo() throws Exception {
        try (RedisServer redis = RedisServer.start();
             CamelContext context = startedContext("seedream:generate?imagesPerMinute=50&budgetRedisUri="
                     + redis.uri() + "&budgetKey=jmx-" + System.nanoTime())) {
            context.createProducerTemplate().requestBody("direct:generate", "a lighthouse");

            ObjectName endpoint = seedreamEndpointMBean(context);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            assertThat(server.getAttribute(endpoint, "RequestsSent")).isEqualTo(1L);
            assertThat(server.getAttribute(endpoint, "Budget")).asString()
                    .startsWith("RedisImageBudget[" + redis.uri());
            assertThat(server.getAttribute(endpoint, "BudgetGrants")).isEqualTo(1L);
            assertThat(server.getAttribute(endpoint, "BudgetWaits")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "BudgetImagesGranted")).isEqualTo(1L);
            assertThat(server.getAttribute(endpoint, "BudgetImagesGivenBack")).as("the image was made").isEqualTo(0L);
            assertThat((Long) server.getAttribute(endpoint, "BudgetRedisCalls")).isPositive();
            assertThat(server.getAttribute(endpoint, "BudgetFallbackGrants")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "BudgetFallbacks")).isEqualTo(0L);
            assertThat(server.getAttribute(endpoint, "BudgetFallbackActive")).isEqualTo(false);
        }
    }

    private static CamelContext startedContext(String seedreamUri) throws Exception {
        // Another test class's CamelTestSupport may have left JMX switched off for the JVM.
        String disabled = System.clearProperty(JMX_DISABLED);
        CamelContext context;
        try {
            context = new DefaultCamelContext();
        } finally {
            if (disabled != null) {
                System.setProperty(JMX_DISABLED, disabled);
            }
        }
        SeedreamConfiguration defaults = context.getComponent("seedream", SeedreamComponent.class).getConfiguration();
        defaults.setBaseUrl(emulator.baseUri().toString());
        defaults.setApiKey(SeedreamTestSupport.API_KEY);
        defaults.setSize("1K");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to(seedreamUri);
            }
        });
        context.start();
        return context;
    }

    private static ObjectName seedreamEndpointMBean(CamelContext context) throws Exception {
        assertThat(context.getManagementStrategy().getManagementAgent()).as("JMX is on").isNotNull();
        Set<ObjectName> names = ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=endpoints,*"), null);
        return names.stream().filter(name -> name.getKeyProperty("name").contains("seedream")).findFirst()
                .orElseThrow(() -> new AssertionError("no seedream endpoint among " + names));
    }
}
