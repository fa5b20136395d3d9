/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generate;
import static dev.seedream.emulator.Http.imageBytes;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code response_format: url}: files served by the emulator, their expiry, and their use as references. */
class UrlAndFilesTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.withDefaults();

    @Test
    void urlIsTheDefaultAndServesTheSameImageAsB64() {
        var body = body("url mode").put("seed", 9);
        body.remove("response_format");
        String url = json(generate(emu, body)).at("/data/0/url").asText();
        assertThat(url).startsWith("http://127.0.0.1:" + emu.port() + "/files/").endsWith(".jpeg");
        HttpResponse<byte[]> file = Http.get(URI.create(url));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        byte[] b64 = imageBytes(json(generate(emu, body("url mode").put("seed", 9))).at("/data/0"));
        assertThat(file.body()).isEqualTo(b64);
        assertThat(emu.stats().bytesSent()).isGreaterThan(2L * b64.length);
    }

    @Test
    void eachResultGetsItsOwnUrl() {
        String first = json(generate(emu, body("same image").put("response_format", "url"))).at("/data/0/url")
                .asText();
        String second = json(generate(emu, body("same image").put("response_format", "url"))).at("/data/0/url")
                .asText();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void urlExpires() throws InterruptedException {
        emu.configure(c -> c.urlExpiry(Duration.ofMillis(300)));
        String url = json(generate(emu, body("short lived").put("response_format", "url"))).at("/data/0/url")
                .asText();
        assertThat(Http.get(URI.create(url)).statusCode()).isEqualTo(200);
        Thread.sleep(450);
        HttpResponse<byte[]> expired = Http.get(URI.create(url));
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(new String(expired.body())).contains("\"error\"");
    }

    @Test
    void unknownFileIs404() {
        assertThat(Http.get(emu.baseUri().resolve("/files/nope.jpeg")).statusCode()).isEqualTo(404);
    }

    @Test
    void ownUrlAsReferenceIsReadFromTheStore() {
        String url = json(generate(emu, body("the original").put("response_format", "url"))).at("/data/0/url")
                .asText();
        HttpResponse<String> edit = generate(emu, body("an edit").put("image", url));
        assertThat(edit.statusCode()).isEqualTo(200);
        byte[] fromOwnUrl = imageBytes(json(edit).at("/data/0"));
        byte[] fromForeignUrl = imageBytes(json(generate(emu, body("an edit")
                .put("image", url.replace("127.0.0.1", "example.com")))).at("/data/0"));
        assertThat(fromOwnUrl).isNotEqualTo(fromForeignUrl);
    }

    @Test
    void expiredOwnUrlAsReferenceIsInvalidImageUrl() {
        String url = emu.baseUri().resolve("/files/0123456789abcdef0123456789abcdef.jpeg").toString();
        ValidationTest.assertError(generate(emu, body("edit of nothing").put("image", url)), 400, "InvalidImageURL",
                "image");
    }
}
