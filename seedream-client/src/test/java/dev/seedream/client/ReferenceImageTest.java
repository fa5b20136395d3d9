/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceImageTest {

    @TempDir
    Path dir;

    @Test
    void aPngRenamedJpgIsStillAPng() throws Exception {
        Path file = dir.resolve("photo.jpg");
        Files.write(file, ReferenceImageSamples.png(40, 30));

        ReferenceImage image = ReferenceImage.path(file);

        assertThat(image.isInline()).isTrue();
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(image.byteSize()).isEqualTo(Files.size(file));
    }

    @Test
    void dataUriIsDecodedAndSentWithTheSniffedType() throws Exception {
        byte[] png = ReferenceImageSamples.png(20, 20);
        String declaredJpeg = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(png);

        ReferenceImage image = ReferenceImage.dataUri(declaredJpeg);

        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.byteSize()).isEqualTo(png.length);
        assertThat(RequestJson.of(ImageRequest.builder().prompt("p").image(image).build()))
                .asString(StandardCharsets.UTF_8)
                .contains("\"image\":\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"");
    }

    @Test
    void dataUriWithLineBreaksInTheBase64IsAccepted() {
        byte[] jpeg = ReferenceImageSamples.jpeg(20, 20);
        String wrapped = Base64.getMimeEncoder().encodeToString(jpeg);

        assertThat(ReferenceImage.dataUri("data:image/jpeg;base64," + wrapped).byteSize()).isEqualTo(jpeg.length);
    }

    @Test
    void malformedDataUrisAreRejectedWithTheExpectedShape() {
        assertThatThrownBy(() -> ReferenceImage.dataUri("image/png;base64,AAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data:image/<format>;base64,");
        assertThatThrownBy(() -> ReferenceImage.dataUri("data:image/png,AAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(";base64");
        assertThatThrownBy(() -> ReferenceImage.dataUri("data:;base64,AAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media type");
        assertThatThrownBy(() -> ReferenceImage.dataUri("data:image/png;base64,not*base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid base64");
    }

    @Test
    void aNonImageDataUriKeepsItsDeclaredTypeForMessages() {
        ReferenceImage text = ReferenceImage.dataUri("data:text/plain;base64,"
                + Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)));

        assertThat(text.format()).isNull();
        assertThat(text.mimeType()).isEqualTo("text/plain");
    }

    @Test
    void textAndBinaryBytesAreNamedForWhatTheyAre() {
        assertThat(ReferenceImage.bytes("just some notes\n".getBytes(StandardCharsets.UTF_8)).mimeType())
                .isEqualTo("text/plain");
        assertThat(ReferenceImage.bytes(new byte[] {0, 1, 2, 3}).mimeType()).isEqualTo("application/octet-stream");
    }

    @Test
    void urlReferencesHaveNoLocalFacts() {
        ReferenceImage image = ReferenceImage.url("https://example.com/a.png");

        assertThat(image.isInline()).isFalse();
        assertThat(image.url()).isEqualTo("https://example.com/a.png");
        assertThat(image.format()).isNull();
        assertThat(image.mimeType()).isNull();
        assertThat(image.byteSize()).isEqualTo(-1);
        assertThat(image.width()).isEqualTo(-1);
        assertThat(image.height()).isEqualTo(-1);
    }

    @Test
    void bytesAreCopiedSoTheCallerCannotChangeTheRequest() {
        byte[] jpeg = ReferenceImageSamples.jpeg(20, 20);
        ReferenceImage image = ReferenceImage.bytes(jpeg);

        jpeg[0] = 0;

        assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
    }

    @Test
    void aStreamLargerThanTheCapIsRejectedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return length;
            }
        };

        assertThatThrownBy(() -> ReferenceImage.stream(endless))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than " + ReferenceImage.MAX_INLINE_BYTES + " bytes");
    }

    @Test
    void fromAcceptsEveryDocumentedSourceType() throws Exception {
        byte[] jpeg = ReferenceImageSamples.jpeg(30, 20);
        Path file = Files.write(dir.resolve("ref.bin"), jpeg);
        String dataUri = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
        ReferenceImage existing = ReferenceImage.bytes(jpeg);

        assertThat(ReferenceImage.from(existing)).isSameAs(existing);
        for (Object source : new Object[] {jpeg, new ByteArrayInputStream(jpeg), file, file.toFile(), file.toUri(),
                file.toUri().toURL(), dataUri, URI.create(dataUri)}) {
            assertThat(ReferenceImage.isSupportedSource(source)).as("supported: %s", source.getClass()).isTrue();
            ReferenceImage image = ReferenceImage.from(source);
            assertThat(image.format()).as("from %s", source.getClass()).isEqualTo(ImageFormat.JPEG);
            assertThat(image.width()).isEqualTo(30);
        }
        assertThat(ReferenceImage.from("https://example.com/x.png").url()).isEqualTo("https://example.com/x.png");
        assertThat(ReferenceImage.from(URI.create("http://localhost:8080/x.png")).isInline()).isFalse();
        assertThat(ReferenceImage.from(new URL("https://example.com/y.jpg")).url())
                .isEqualTo("https://example.com/y.jpg");
    }

    @Test
    void fromRejectsOtherTypesNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> ReferenceImage.from(42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer")
                .hasMessageContaining("byte[], InputStream, Path, File, URI, URL");
        assertThat(ReferenceImage.isSupportedSource(42)).isFalse();
        assertThat(ReferenceImage.isSupportedSource(null)).isFalse();
        assertThat(ReferenceImage.isSupportedSource(new StringBuilder("https://example.com/a.png"))).isFalse();
        assertThatThrownBy(() -> ReferenceImage.from(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void toStringNeverShowsImageDataOrUrlSecrets() {
        byte[] jpeg = ReferenceImageSamples.jpeg(20, 20);
        ReferenceImage inline = ReferenceImage.bytes(jpeg);
        ReferenceImage signed = ReferenceImage.url("https://user:pw@cdn.example.com/a.png?X-Signature=secret#frag");

        assertThat(inline.toString()).startsWith("data:image/jpeg;base64,…(")
                .doesNotContain(Base64.getEncoder().encodeToString(jpeg).substring(0, 16));
        assertThat(signed.toString()).isEqualTo("https://cdn.example.com/a.png");
    }
}
