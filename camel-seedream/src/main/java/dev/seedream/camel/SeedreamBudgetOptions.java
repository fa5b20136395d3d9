/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import dev.seedream.client.ImageBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The client options that say where the images-per-minute budget is kept: an {@link ImageBudget} bean, or a budget
 * on Redis shared by every pod of an account, which the endpoint builds from the budget options. A superclass of
 * {@link SeedreamClientOptions} (not a field) so the options stay flat, like the others.
 */
@UriParams
public class SeedreamBudgetOptions {

    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private ImageBudget imageBudget;
    @UriParam(label = "budget,security", secret = true)
    private String budgetRedisUri;
    @UriParam(label = "budget", defaultValue = "seedream")
    private String budgetKey = "seedream";
    @UriParam(label = "budget", defaultValue = "1")
    private int budgetNodes = 1;
    @UriParam(label = "budget", enums = "LOCAL_SHARE,FAIL", defaultValue = "LOCAL_SHARE")
    private String budgetFallback = "LOCAL_SHARE";
    @UriParam(label = "budget", defaultValue = "500ms", javaType = "java.time.Duration")
    private long budgetTimeout = 500;
    @UriParam(label = "budget", defaultValue = "10s", javaType = "java.time.Duration")
    private long budgetRetryPause = 10_000;
    @UriParam(label = "budget", defaultValue = "false")
    private boolean budgetRedisCluster;

    /** Whether calls fail while the endpoint's own Redis budget cannot be reached (budgetFallback FAIL). */
    boolean failsWithoutBudget() {
        return budgetRedisUri != null && "FAIL".equalsIgnoreCase(budgetFallback.trim());
    }

    public ImageBudget getImageBudget() {
        return imageBudget;
    }

    /**
     * Where the images-per-minute budget is kept instead of the client's own window: an ImageBudget bean, e.g. a
     * RedisImageBudget shared by several pods, or one budget for several endpoints of this JVM. A single ImageBudget
     * in the registry is used without naming it. It replaces imagesPerMinute; the endpoint does not close it. For
     * the common Redis case set budgetRedisUri instead.
     */
    public void setImageBudget(ImageBudget imageBudget) {
        this.imageBudget = imageBudget;
    }

    public String getBudgetRedisUri() {
        return budgetRedisUri;
    }

    /**
     * Share one images-per-minute budget with every pod of the account through this Redis, a URI such as
     * redis://host:6379/0 (port 6379 and database 0 by default; a user and password go before the host, as in any
     * URI), or rediss:// for TLS. imagesPerMinute is then the whole
     * account's limit. Needs dev.seedream:seedream-budget-redis on the class path. The endpoint builds the budget and
     * closes it with its client. Prefer a property placeholder to a literal password.
     */
    public void setBudgetRedisUri(String budgetRedisUri) {
        this.budgetRedisUri = budgetRedisUri;
    }

    public String getBudgetKey() {
        return budgetKey;
    }

    /**
     * Names the shared budget on Redis: every pod and endpoint drawing on one account's limit uses the same key
     * (each model gets its own window). No braces.
     */
    public void setBudgetKey(String budgetKey) {
        this.budgetKey = budgetKey;
    }

    public int getBudgetNodes() {
        return budgetNodes;
    }

    /**
     * Pods sharing the budget, for the local share while Redis cannot be reached (budgetFallback=LOCAL_SHARE):
     * each pod then grants at most imagesPerMinute / budgetNodes. Camel cannot see the pod count: set the
     * Deployment's replicas.
     */
    public void setBudgetNodes(int budgetNodes) {
        this.budgetNodes = budgetNodes;
    }

    public String getBudgetFallback() {
        return budgetFallback;
    }

    /**
     * What happens while Redis does not answer within budgetTimeout: LOCAL_SHARE grants from the pod's share,
     * imagesPerMinute / budgetNodes, counting what the pod was granted in the current minute; FAIL fails each call
     * with SeedreamBudgetUnavailableException (no request sent; the client does not retry it). Redis is asked again
     * after budgetRetryPause and rejoined.
     */
    public void setBudgetFallback(String budgetFallback) {
        this.budgetFallback = budgetFallback;
    }

    public long getBudgetTimeout() {
        return budgetTimeout;
    }

    /** How long a Redis call of the shared budget may take before the budget falls back (see budgetFallback). */
    public void setBudgetTimeout(long budgetTimeout) {
        this.budgetTimeout = budgetTimeout;
    }

    public long getBudgetRetryPause() {
        return budgetRetryPause;
    }

    /** How long the shared budget stays in its fallback before it asks Redis again; once Redis answers, it rejoins. */
    public void setBudgetRetryPause(long budgetRetryPause) {
        this.budgetRetryPause = budgetRetryPause;
    }

    public boolean isBudgetRedisCluster() {
        return budgetRedisCluster;
    }

    /**
     * Whether budgetRedisUri names one node of a Redis Cluster (the others are discovered; the budget's keys are
     * hash-tagged, so each budget lives in one slot).
     */
    public void setBudgetRedisCluster(boolean budgetRedisCluster) {
        this.budgetRedisCluster = budgetRedisCluster;
    }

    /**
     * The shared budget that budgetRedisUri describes, the caller's to close (after the client that uses it), or null
     * when it is unset.
     *
     * @param imagesPerMinute the whole account's limit (the imagesPerMinute option)
     */
    ImageBudget createRedisBudget(CamelContext context, int imagesPerMinute) {
        if (budgetRedisUri == null || budgetRedisUri.isBlank()) {
            return null;
        }
        if (imageBudget != null) {
            throw new IllegalArgumentException("Both imageBudget (" + imageBudget + ", given or autowired) and"
                    + " budgetRedisUri are set: use one of them");
        }
        return SeedreamBudgetSupport.redisBudget(context, this, imagesPerMinute);
    }

}
