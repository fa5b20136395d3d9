package dev.seedream.camel;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proxy options: the emulator stands in for the forward proxy and counts requests that came in proxy form; the
 * base URL names a reserved host ({@code .invalid}) that is never looked up.
 */
class SeedreamProxyTest extends SeedreamTestSupport {

    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.withDefaults();

    @Override
    SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:proxied").to("seedream:generate?baseUrl=http://seedream.invalid/api/v3"
                        + "&proxyHost=127.0.0.1&proxyPort=" + emulator.port()
                        + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(proxy-pw)&responseFormat=url");
            }
        };
    }

    @Test
    void callsTheApiAndDownloadsTheImageThroughTheProxy() {
        Exchange result = template.request("direct:proxied", e -> e.getIn().setBody("a ferry through a proxy"));

        assertThat(result.getException()).isNull();
        assertThat(isJpeg(result.getMessage().getBody(byte[].class))).isTrue();
        assertThat(result.getMessage().getHeader(SeedreamConstants.IMAGE_URL, String.class))
                .startsWith("http://seedream.invalid/");
        assertThat(emulator.stats().proxiedRequests()).isEqualTo(1);
    }

    @Test
    void anIncompleteProxySettingIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("seedream:generate?proxyHost=127.0.0.1"))
                .hasRootCauseMessage("proxyHost needs proxyPort");
        assertThatThrownBy(() -> context.getEndpoint("seedream:generate?proxyHost=127.0.0.1&proxyPort=3128"
                + "&proxyAuthUsername=someone"))
                .hasRootCauseMessage("proxyAuthUsername and proxyAuthPassword must be set together");
        assertThatThrownBy(() -> context.getEndpoint("seedream:generate?proxyPort=3128"))
                .hasRootCauseMessage("proxyPort and proxyAuthUsername/proxyAuthPassword need proxyHost");
        assertThat(emulator.stats().generationRequests()).isZero();
    }
}
