/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.camel;

import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamQuotaExceededException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.emulator.Fault;
import dev.seedream.emulator.FaultSpec;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedreamErrorHandlingTest extends SeedreamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:clientRetry").to("seedream:generate");

                from("direct:onException")
                        .onException(SeedreamContentPolicyException.class).handled(true).to("mock:rejected").end()
                        .to("seedream:generate").to("mock:generated");

                from("direct:deadLetter").errorHandler(deadLetterChannel("mock:dead").useOriginalMessage())
                        .to("seedream:generate");

                from("direct:tryCatch")
                        .doTry().to("seedream:generate?maxRetries=0")
                        .doCatch(SeedreamRateLimitException.class).to("mock:limited")
                        .end();

                // Quota first: it is a rate-limit exception too, and Camel picks the closest type.
                from("direct:quota")
                        .onException(SeedreamQuotaExceededException.class).handled(true).to("mock:quota").end()
                        .onException(SeedreamRateLimitException.class).maximumRedeliveries(5).redeliveryDelay(10)
                        .end()
                        .to("seedream:generate");

                from("direct:redelivery")
                        .onException(SeedreamRateLimitException.class).maximumRedeliveries(2).redeliveryDelay(10)
                        .end()
                        .to("seedream:generate?maxRetries=0");
            }
        };
    }

    @Test
    void aRateLimitIsRetriedByTheClient() {
        emulator.faults().schedule(FaultSpec.http429(1));

        Exchange result = template.request("direct:clientRetry", e -> e.getIn().setBody("retried once"));

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(SeedreamConstants.ATTEMPTS)).isEqualTo(2);
        assertThat(emulator.stats().requestsWithStatus(429)).isEqualTo(1);
        assertThat(emulator.stats().requestsForPrompt("retried once")).isEqualTo(2);
    }

    @Test
    void aContentPolicyRejectionReachesOnException() throws Exception {
        MockEndpoint rejected = getMockEndpoint("mock:rejected");
        rejected.expectedBodiesReceived("something forbidden");
        rejected.message(0).exchangeProperty(Exchange.EXCEPTION_CAUGHT)
                .isInstanceOf(SeedreamContentPolicyException.class);
        getMockEndpoint("mock:generated").expectedMessageCount(0);

        Exchange result = template.request("direct:onException", e -> e.getIn().setBody("something forbidden"));

        assertThat(result.getException()).isNull();
        MockEndpoint.assertIsSatisfied(context);
        SeedreamContentPolicyException cause = rejected.getExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, SeedreamContentPolicyException.class);
        assertThat(cause.httpStatus()).isEqualTo(400);
        assertThat(cause.isRetryable()).isFalse();
        assertThat(emulator.stats().requestsForPrompt("something forbidden")).isEqualTo(1);
    }

    @Test
    void aRejectedMessageGoesToTheDeadLetterChannelUnchanged() throws Exception {
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedBodiesReceived("a forbidden picture");
        dead.message(0).exchangeProperty(Exchange.EXCEPTION_CAUGHT)
                .isInstanceOf(SeedreamContentPolicyException.class);

        template.sendBody("direct:deadLetter", "a forbidden picture");

        dead.assertIsSatisfied();
    }

    @Test
    void doCatchMatchesTheTypedRateLimitException() throws Exception {
        emulator.faults().schedule(FaultSpec.http429(0));
        MockEndpoint limited = getMockEndpoint("mock:limited");
        limited.expectedMessageCount(1);

        Exchange result = template.request("direct:tryCatch", e -> e.getIn().setBody("too many"));

        assertThat(result.getException()).isNull();
        limited.assertIsSatisfied();
        SeedreamRateLimitException cause = limited.getExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, SeedreamRateLimitException.class);
        assertThat(cause.isLocalLimit()).isFalse();
        assertThat(cause.httpStatus()).isEqualTo(429);
    }

    @Test
    void anExhaustedQuotaReachesItsOwnOnExceptionWithoutRetriesAndWithItsRequestId() throws Exception {
        emulator.faults().schedule(Fault.QUOTA_EXCEEDED);
        MockEndpoint quota = getMockEndpoint("mock:quota");
        quota.expectedMessageCount(1);

        Exchange result = template.request("direct:quota", e -> e.getIn().setBody("out of quota"));

        assertThat(result.getException()).isNull();
        quota.assertIsSatisfied();
        Exchange handled = quota.getExchanges().get(0);
        SeedreamQuotaExceededException cause = handled.getProperty(Exchange.EXCEPTION_CAUGHT,
                SeedreamQuotaExceededException.class);
        assertThat(cause.errorCode()).isEqualTo("QuotaExceeded");
        assertThat(cause.isRetryable()).isFalse();
        assertThat(handled.getMessage().getHeader(SeedreamConstants.REQUEST_ID))
                .isEqualTo(cause.requestId().orElseThrow());
        assertThat(handled.getIn().getHeader(Exchange.REDELIVERY_COUNTER)).isNull();
        assertThat(emulator.stats().requestsForPrompt("out of quota")).isEqualTo(1);
    }

    @Test
    void aFailedExchangeCarriesTheRequestIdHeader() {
        Exchange result = template.request("direct:clientRetry", e -> e.getIn().setBody("a forbidden id"));

        assertThat(result.getException()).isInstanceOfSatisfying(SeedreamContentPolicyException.class,
                e -> assertThat(result.getMessage().getHeader(SeedreamConstants.REQUEST_ID, String.class))
                        .isNotBlank().isEqualTo(e.requestId().orElseThrow()));
    }

    @Test
    void camelRedeliveryCanTakeOverRetriesFromTheClient() {
        emulator.faults().schedule(FaultSpec.http429(0), FaultSpec.http429(0));

        Exchange result = template.request("direct:redelivery", e -> e.getIn().setBody("redelivered"));

        assertThat(result.getException()).isNull();
        assertThat(result.getIn().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(2);
        assertThat(emulator.stats().requestsForPrompt("redelivered")).isEqualTo(3);
    }
}
