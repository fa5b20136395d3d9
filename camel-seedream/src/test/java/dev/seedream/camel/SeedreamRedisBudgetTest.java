package dev.seedream.camel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.seedream.client.ImageBudget;
import dev.seedream.client.SeedreamBudgetUnavailableException;
import dev.seedream.emulator.junit.RedisServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.engine.DefaultClassResolver;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The budget options against a real redis-server on loopback: a route on budgetRedisUri draws on Redis, keeps
 * producing from its local share when Redis hangs (LOCAL_SHARE) or fails the exchange with a type onException
 * catches (FAIL), never shows the Redis password, and names the missing module when it is not on the class path.
 */
class SeedreamRedisBudgetTest extends SeedreamTestSupport {

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    /** An endpoint on the shared budget, with a key of its own so tests do not share a window. */
    private static String sharedBudget(String options) {
        return "seedream:generate?budgetRedisUri=" + redis.server().uri() + "&budgetKey=test-" + System.nanoTime()
                + "&imagesPerMinute=100&budgetTimeout=200" + options;
    }

    private SeedreamEndpoint route(String id, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + id).routeId(id)
                        .onException(SeedreamBudgetUnavailableException.class).handled(true).to("mock:unavailable")
                        .end()
                        .to(uri);
            }
        });
        return context.getEndpoint(uri, SeedreamEndpoint.class); // the route's, started
    }

    private Exchange generate(String id, String prompt) {
        return template.request("direct:" + id, e -> e.getIn().setBody(prompt));
    }

    @Test
    void aRouteOnBudgetRedisUriDrawsOnTheSharedBudget() throws Exception {
        SeedreamEndpoint endpoint = route("shared", sharedBudget(""));

        Exchange result = generate("shared", "a lighthouse");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(byte[].class)).satisfies(bytes -> assertThat(isJpeg(bytes)).isTrue());
        assertThat(endpoint.getBudget()).startsWith("RedisImageBudget[" + redis.server().uri())
                .contains("100 images");
        assertThat(endpoint.getBudgetGrants()).isEqualTo(1);
        assertThat(endpoint.getBudgetRedisCalls()).isPositive();
        assertThat(endpoint.isBudgetFallbackActive()).isFalse();
    }

    @Test
    void whileRedisHangsTheLocalShareKeepsTheRouteProducing() throws Exception {
        SeedreamEndpoint endpoint = route("localShare", sharedBudget("&budgetNodes=4"));
        assertThat(generate("localShare", "before the outage").getException()).isNull();

        redis.server().pause();
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Exchange result = generate("localShare", "during the outage " + i);

                assertThat(result.getException()).isNull();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at most the budget timeout added")
                        .isLessThan(Duration.ofSeconds(2));
            }
            assertThat(endpoint.isBudgetFallbackActive()).isTrue();
            assertThat(endpoint.getBudgetFallbacks()).isEqualTo(1);
            assertThat(endpoint.getBudgetFallbackGrants()).isEqualTo(3);
            assertThat(emulator.stats().imagesGenerated()).isEqualTo(4);
        } finally {
            redis.server().resume();
        }
    }

    @Test
    void withFailTheExchangeFailsWithAnExceptionOnExceptionCatches() throws Exception {
        route("fail", sharedBudget("&budgetFallback=FAIL"));
        MockEndpoint unavailable = getMockEndpoint("mock:unavailable");
        unavailable.expectedBodiesReceived("during the outage");
        unavailable.message(0).exchangeProperty(Exchange.EXCEPTION_CAUGHT)
                .isInstanceOf(SeedreamBudgetUnavailableException.class);
        assertThat(generate("fail", "before the outage").getException()).isNull();

        redis.server().pause();
        try {
            Exchange result = generate("fail", "during the outage");

            assertThat(result.getException()).isNull();
            MockEndpoint.assertIsSatisfied(context);
            assertThat(emulator.stats().requestsForPrompt("during the outage")).as("no request sent").isZero();
        } finally {
            redis.server().resume();
        }
    }

    @Test
    void withoutTheRedisModuleTheEndpointFailsNamingTheArtifact() throws Exception {
        // What a class path without seedream-budget-redis looks like to Camel's class resolver.
        context.setClassResolver(new DefaultClassResolver(context) {
            @Override
            public Class<?> resolveClass(String name) {
                return name.startsWith("dev.seedream.budget.redis.") ? null : super.resolveClass(name);
            }
        });

        assertThatThrownBy(() -> route("missing", sharedBudget("")))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("budgetRedisUri is set, but dev.seedream:seedream-budget-redis is not on the"
                        + " class path");
    }

    @Test
    void aBudgetBeanAndBudgetRedisUriTogetherAreRefused() throws Exception {
        try (ImageBudget window = ImageBudget.slidingWindow(10, Duration.ofMinutes(1))) {
            context.getRegistry().bind("windowOfThisJvm", window);

            assertThatThrownBy(() -> route("both", sharedBudget("&imageBudget=#windowOfThisJvm")))
                    .rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Both imageBudget").hasMessageContaining("budgetRedisUri");
        }
    }

    @Test
    void theRedisPasswordAppearsInNoLogHeaderExceptionEndpointTextOrJmxAttribute() throws Exception {
        String password = "redis-pw-do-not-leak-5151";
        try (RedisServer guarded = RedisServer.start("--requirepass", password)) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream originalErr = System.err;
            SeedreamEndpoint endpoint;
            Exchange granted;
            Exchange unavailable;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                endpoint = route("secret", "seedream:generate?budgetRedisUri=redis://:" + password + "@127.0.0.1:"
                        + guarded.port() + "&imagesPerMinute=10&budgetFallback=FAIL&budgetTimeout=300&maxRetries=0");
                granted = generate("secret", "an authenticated grant");
                guarded.kill();
                unavailable = template.request("direct:secret", e -> e.getIn().setBody("Redis is gone"));
            } finally {
                System.setErr(originalErr);
            }
            String logs = captured.toString(StandardCharsets.UTF_8);

            assertThat(granted.getException()).isNull();
            assertThat(endpoint.getBudgetGrants()).as("authenticated").isEqualTo(1);
            // The capture worked: our debug line and the budget's warning were logged, without the password.
            assertThat(logs).contains("Created SeedreamClient").contains("did not answer").doesNotContain(password);
            Exception caught = unavailable.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(caught).isInstanceOf(SeedreamBudgetUnavailableException.class);
            assertThat(caught.toString()).doesNotContain(password);
            for (Exchange exchange : new Exchange[] { granted, unavailable }) {
                assertThat(exchange.getMessage().getHeaders().values()).allSatisfy(value ->
                        assertThat(String.valueOf(value)).doesNotContain(password));
            }
            assertThat(endpoint.toString()).doesNotContain(password);
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(password);
            assertThat(endpoint.getBudget()).contains("127.0.0.1:" + guarded.port()).doesNotContain(password);
            assertThat(endpoint.getClient().toString()).doesNotContain(password);
        }
    }
}
