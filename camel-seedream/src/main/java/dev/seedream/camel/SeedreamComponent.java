/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code seedream:} component: image generation with ByteDance Seedream. Options set here are the defaults of
 * every endpoint it creates.
 */
@Component("seedream")
public class SeedreamComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /**
     * Camel masks secret options in endpoint URIs by name, from a list of its own components' option names: a Redis
     * URI (which may hold a password) is on no line's list, and apiKey is missing from older ones (4.4's).
     */
    private static final Pattern SECRET_VALUES = Pattern.compile(
            "([?&](?:apiKey|budgetRedisUri|proxyAuthUsername|proxyAuthPassword)=)(RAW\\([^)]*\\)|RAW\\{[^}]*\\}|[^&]*)",
            Pattern.CASE_INSENSITIVE);

    @Metadata(description = "Component-level defaults of the endpoint options")
    private SeedreamConfiguration configuration = new SeedreamConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SeedreamEndpoint endpoint = new SeedreamEndpoint(withSecretsMasked(uri), this, parseOperation(remaining),
                configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The endpoint's URI as Camel shows it (toString, logs, JMX names, health checks) with our secret options masked
     * as Camel masks the secrets it knows, on every line; the options themselves keep their values.
     */
    static String withSecretsMasked(String uri) {
        return SECRET_VALUES.matcher(uri).replaceAll("$1xxxxxx");
    }

    private static SeedreamOperation parseOperation(String remaining) {
        try {
            return SeedreamOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Seedream operation '" + remaining + "', expected one of "
                    + Arrays.toString(SeedreamOperation.values()), e);
        }
    }

    public SeedreamConfiguration getConfiguration() {
        return configuration;
    }

    /** Component-level defaults of the endpoint options. */
    public void setConfiguration(SeedreamConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the CamelContext's global SSL context parameters for endpoints that set no sslContextParameters. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
