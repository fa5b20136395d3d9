/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator;

import static dev.seedream.emulator.Http.body;
import static dev.seedream.emulator.Http.generationRequest;
import static dev.seedream.emulator.Http.imageBytes;
import static dev.seedream.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import dev.seedream.emulator.junit.TestTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a key store given at start, over loopback TLS, to a client that trusts only the test certificate. */
class TlsTest {

    @RegisterExtension
    static final SeedreamEmulatorExtension emu = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .tlsKeyStore(TestTls.keyStore(), TestTls.password()).build());

    private static final HttpClient TRUSTING = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(TestTls.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesGenerationsOverHttps() throws Exception {
        assertThat(emu.baseUri().toString()).startsWith("https://127.0.0.1:" + emu.port() + "/");

        HttpResponse<String> response = TRUSTING.send(generationRequest(emu, body("over tls").toString()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).isPresent();
        assertThat(Http.decode(imageBytes(json(response).at("/data/0")))).isNotNull();
    }

    @Test
    void urlResultsAreHttpsAndDownload() throws Exception {
        String url = json(TRUSTING.send(generationRequest(emu, body("linked over tls").put("seed", 3)
                .put("response_format", "url").toString()).build(), HttpResponse.BodyHandlers.ofString()))
                .at("/data/0/url").asText();
        assertThat(url).startsWith("https://127.0.0.1:" + emu.port() + "/files/");

        HttpResponse<byte[]> file = TRUSTING.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(file.statusCode()).isEqualTo(200);
        byte[] inline = imageBytes(json(TRUSTING.send(generationRequest(emu, body("linked over tls").put("seed", 3)
                .toString()).build(), HttpResponse.BodyHandlers.ofString())).at("/data/0"));
        assertThat(file.body()).isEqualTo(inline);
    }

    @Test
    void ownHttpsUrlAsReferenceIsReadFromTheStore() throws Exception {
        String url = json(TRUSTING.send(generationRequest(emu, body("original over tls")
                .put("response_format", "url").toString()).build(), HttpResponse.BodyHandlers.ofString()))
                .at("/data/0/url").asText();

        byte[] fromOwnUrl = imageBytes(json(TRUSTING.send(generationRequest(emu, body("edit over tls")
                .put("image", url).toString()).build(), HttpResponse.BodyHandlers.ofString())).at("/data/0"));
        // The same URL on another host stands for a placeholder: a different first reference, a different image.
        byte[] fromForeignUrl = imageBytes(json(TRUSTING.send(generationRequest(emu, body("edit over tls")
                .put("image", url.replace("127.0.0.1", "example.com")).toString()).build(),
                HttpResponse.BodyHandlers.ofString())).at("/data/0"));

        assertThat(fromOwnUrl).isNotEqualTo(fromForeignUrl);
    }

    @Test
    void aClientWithTheDefaultTrustStoreFailsTheHandshake() {
        HttpRequest request = generationRequest(emu, body("untrusted").toString()).build();

        assertThatThrownBy(() -> Http.sendChecked(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(emu.stats().generationRequests()).isZero();
    }

    @Test
    void plainHttpToTheHttpsPortIsRefused() {
        URI plain = URI.create(Http.generations(emu).toString().replaceFirst("^https:", "http:"));
        HttpRequest request = HttpRequest.newBuilder(plain).header("Authorization", "Bearer " + Http.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body("in clear text").toString())).build();

        assertThatThrownBy(() -> Http.sendChecked(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(emu.stats().generationRequests()).isZero();
    }

    @Test
    void aMissingKeyStoreFailsTheStartNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.p12");

        assertThatThrownBy(() -> startWith(missing, TestTls.password()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read the TLS key store " + missing + ": no such file");
    }

    @Test
    void aWrongPasswordFailsTheStartNamingTheFile() {
        assertThatThrownBy(() -> startWith(TestTls.keyStore(), "not-the-password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read the TLS key store " + TestTls.keyStore()
                        + ": keystore password was incorrect");
    }

    @Test
    void aStoreWithoutPrivateKeyFailsTheStart() {
        assertThatThrownBy(() -> startWith(TestTls.trustStore(), TestTls.password()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot use the TLS key store " + TestTls.trustStore() + ": it holds no private key");
    }

    @Test
    void theCommandLineTakesThePasswordBeforeOrAfterTheFile() {
        String file = TestTls.keyStore().toString();

        EmulatorConfig fileFirst = CommandLine.parse("--tls-keystore", file, "--tls-keystore-password", "pw")
                .config();
        EmulatorConfig passwordFirst = CommandLine.parse("--tls-keystore-password=pw", "--tls-keystore=" + file)
                .config();

        for (EmulatorConfig config : new EmulatorConfig[] {fileFirst, passwordFirst}) {
            assertThat(config.tlsKeyStore()).isEqualTo(TestTls.keyStore());
            assertThat(config.tlsKeyStorePassword()).isEqualTo("pw");
        }
        assertThat(CommandLine.parse().config().tlsKeyStore()).as("plain http by default").isNull();
        assertThatThrownBy(() -> CommandLine.parse("--tls-keystore", file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS needs both a key store and its password");
    }

    @Test
    void theKeyStoreCannotBeChangedAtRunTime() throws Exception {
        URI config = emu.baseUri().resolve("/__emulator/config");
        HttpResponse<String> response = TRUSTING.send(HttpRequest.newBuilder(config)
                .POST(HttpRequest.BodyPublishers.ofString("{\"tlsKeystore\": \"/elsewhere.p12\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("tlsKeystore cannot be changed at run time");
    }

    private static void startWith(Path keyStore, String password) {
        SeedreamEmulator.start(EmulatorConfig.builder().tlsKeyStore(keyStore, password).build()).close();
    }
}
