/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The images-per-minute and in-flight limits answer the provider's 429s (Retry-After: see {@link RetryAfterTest}). */
class RateLimitTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void imagesPerMinuteLimitAnswers429WithRetryAfterWhenOn() {
        emu.configure(c -> c.imagesPerMinute(2).retryAfterOn429(true));
        assertThat(generate(emu, body("ipm").put("response_format", "url")).statusCode()).isEqualTo(200);
        assertThat(generate(emu, body("ipm").put("response_format", "url")).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = generate(emu, body("ipm").put("response_format", "url"));
        ValidationTest.assertError(limited, 429, "ModelAccountIpmRateLimitExceeded", "");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(emu.stats().requestsWithStatus(429)).isEqualTo(1);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(2);
    }

    @Test
    void groupImagesCountAgainstTheLimit() {
        emu.configure(c -> c.imagesPerMinute(4));
        assertThat(generate(emu, GroupAndStreamTest.group("ipm group", 3).put("response_format", "url"))
                .statusCode()).isEqualTo(200);
        assertThat(generate(emu, GroupAndStreamTest.group("ipm group", 2)).statusCode()).isEqualTo(429);
        assertThat(generate(emu, body("ipm single").put("response_format", "url")).statusCode()).isEqualTo(200);
    }

    @Test
    void maxInFlightAnswers429WhileARequestIsInProgress() {
        emu.configure(c -> c.maxInFlight(1).latency(Latency.fixed(Duration.ofMillis(800))));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> generate(emu, body("slow one").put("response_format", "url")));
        FaultTest.awaitInFlightOf(emu, 1);
        HttpResponse<String> rejected = generate(emu, body("second one"));
        ValidationTest.assertError(rejected, 429, "InflightBatchsizeExceeded", "");
        assertThat(json(rejected).at("/error/type").asText()).isEqualTo("TooManyRequests");
        assertThat(rejected.headers().firstValue("Retry-After")).as("off by default").isEmpty();
        assertThat(slow.join().statusCode()).isEqualTo(200);
        FaultTest.awaitInFlightOf(emu, 0);
        assertThat(generate(emu, body("third one").put("response_format", "url")).statusCode()).isEqualTo(200);
    }

    @Test
    void aShortenedWindowFreesItsImagesWhenItEnds() throws InterruptedException {
        emu.configure(c -> c.imagesPerMinute(1).rateWindow(Duration.ofMillis(600)).retryAfterOn429(true));
        assertThat(generate(emu, body("short window").put("response_format", "url")).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = generate(emu, body("short window").put("response_format", "url"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).as("rounded up to a whole second").hasValue("1");
        Thread.sleep(700);
        assertThat(generate(emu, body("short window").put("response_format", "url")).statusCode()).isEqualTo(200);
        assertThat(emu.stats().imagesGenerated()).isEqualTo(2);
    }

    @Test
    void resetRestoresTheStartLimits() {
        emu.configure(c -> c.imagesPerMinute(1));
        assertThat(generate(emu, body("limited").put("response_format", "url")).statusCode()).isEqualTo(200);
        assertThat(generate(emu, body("limited").put("response_format", "url")).statusCode()).isEqualTo(429);
        emu.reset();
        assertThat(emu.config().imagesPerMinute()).isZero();
        assertThat(generate(emu, body("limited").put("response_format", "url")).statusCode()).isEqualTo(200);
    }
}
