/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.emulator.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A throwaway self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}, so tests can run the emulator over
 * HTTPS and clients can trust exactly that certificate, without any certificate in the repository:
 * <pre>{@code
 * @RegisterExtension
 * static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
 *         .tlsKeyStore(TestTls.keyStore(), TestTls.password()).build());
 * ...
 * SeedreamClient.builder().baseUrl(emulator.baseUri().toString()).sslContext(TestTls.sslContext())...
 * }</pre>
 * The JDK's own {@code keytool} makes the key pair (the JDK has no public API to sign a certificate) once per JVM, on
 * first use, into a temporary directory that is deleted when the JVM exits. The certificate is valid for two days.
 */
public final class TestTls {

    /** keytool wants at least six characters. */
    private static final String PASSWORD = "seedream-test-tls";
    private static final String ALIAS = "localhost";

    private record Stores(Path keyStore, Path trustStore, X509TrustManager trustManager, SSLContext sslContext) {
    }

    private static Stores stores;

    private TestTls() {
    }

    /** A PKCS12 key store with the private key and its certificate, for {@code EmulatorConfig.Builder#tlsKeyStore}. */
    public static Path keyStore() {
        return stores().keyStore();
    }

    /**
     * A PKCS12 trust store holding only the certificate, for settings that want a file, such as Camel's
     * {@code KeyStoreParameters}.
     */
    public static Path trustStore() {
        return stores().trustStore();
    }

    /** The password of both stores and of the key. */
    public static String password() {
        return PASSWORD;
    }

    /** Trusts the test certificate and nothing else. */
    public static X509TrustManager trustManager() {
        return stores().trustManager();
    }

    /** A client TLS context that trusts the test certificate and nothing else. */
    public static SSLContext sslContext() {
        return stores().sslContext();
    }

    /** Synchronized rather than a holder class, so a failure stays a readable exception on every call. */
    private static synchronized Stores stores() {
        if (stores == null) {
            stores = createStores();
        }
        return stores;
    }

    private static Stores createStores() {
        try {
            Path directory = Files.createTempDirectory("seedream-test-tls");
            // Deleted in reverse order of registration: the files first, then their directory.
            directory.toFile().deleteOnExit();
            Path keyStore = directory.resolve("localhost-key.p12");
            Path trustStore = directory.resolve("localhost-trust.p12");
            keyStore.toFile().deleteOnExit();
            trustStore.toFile().deleteOnExit();

            generateKeyPair(keyStore);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate(keyStore));
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trusted.store(out, PASSWORD.toCharArray());
            }
            TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustFactory.init(trusted);
            X509TrustManager trustManager = (X509TrustManager) trustFactory.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return new Stores(keyStore, trustStore, trustManager, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test TLS stores", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test TLS stores", e);
        }
    }

    private static void generateKeyPair(Path keyStore) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the JDK's keytool at " + keytool
                    + " to make the test certificate (a JRE without keytool cannot): " + e.getMessage(), e);
        }
        process.getOutputStream().close(); // a prompt then fails at once instead of waiting forever
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool made the test certificate", e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("keytool failed with exit code " + exitCode
                    + " making the test certificate: " + output.strip());
        }
    }

    private static Certificate certificate(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store.getCertificate(ALIAS);
    }
}
