/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFormatTest {

    @ParameterizedTest
    @CsvSource({"jpeg, JPEG", "png, PNG", "gif, GIF", "bmp, BMP", "tiff, TIFF"})
    void detectsRealImagesFromTheirBytesAndReadsTheirDimensions(String writer, ImageFormat expected) {
        byte[] bytes = ReferenceImageSamples.encoded(writer, 321, 123);

        assertThat(ImageFormat.detect(bytes)).isEqualTo(expected);
        assertThat(ImageDimensions.read(bytes, expected)).isEqualTo(new ImageDimensions(321, 123));
    }

    @Test
    void detectsTheThreeWebpFlavoursAndReadsTheirDimensions() {
        byte[] lossy = ReferenceImageSamples.webpLossy(640, 480);
        byte[] lossless = ReferenceImageSamples.webpLossless(1000, 16383);
        byte[] extended = ReferenceImageSamples.webpExtended(7000, 20);

        assertThat(ImageFormat.detect(lossy)).isEqualTo(ImageFormat.WEBP);
        assertThat(ImageDimensions.read(lossy, ImageFormat.WEBP)).isEqualTo(new ImageDimensions(640, 480));
        assertThat(ImageDimensions.read(lossless, ImageFormat.WEBP)).isEqualTo(new ImageDimensions(1000, 16383));
        assertThat(ImageDimensions.read(extended, ImageFormat.WEBP)).isEqualTo(new ImageDimensions(7000, 20));
    }

    @Test
    void readsLittleEndianTiffWithShortAndLongTags() {
        byte[] tiff = ReferenceImageSamples.tiffLittleEndian(300, 70000);

        assertThat(ImageFormat.detect(tiff)).isEqualTo(ImageFormat.TIFF);
        assertThat(ImageDimensions.read(tiff, ImageFormat.TIFF)).isEqualTo(new ImageDimensions(300, 70000));
    }

    @Test
    void tellsHeicAndHeifApartAndIgnoresAvif() {
        assertThat(ImageFormat.detect(ReferenceImageSamples.ftyp("heic", "mif1", "heic"))).isEqualTo(ImageFormat.HEIC);
        assertThat(ImageFormat.detect(ReferenceImageSamples.ftyp("mif1", "mif1", "heic"))).isEqualTo(ImageFormat.HEIC);
        assertThat(ImageFormat.detect(ReferenceImageSamples.ftyp("mif1", "mif1"))).isEqualTo(ImageFormat.HEIF);
        assertThat(ImageFormat.detect(ReferenceImageSamples.ftyp("avif", "mif1", "avif"))).isNull();
        assertThat(ImageFormat.detect(ReferenceImageSamples.ftyp("mif1", "mif1", "avif"))).isNull();
        assertThat(ImageDimensions.read(ReferenceImageSamples.ftyp("heic"), ImageFormat.HEIC))
                .isEqualTo(ImageDimensions.UNKNOWN);
    }

    @Test
    void returnsNullForTextEmptyAndTruncatedContent() {
        assertThat(ImageFormat.detect("BM but just a text file".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ImageFormat.detect("hello".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ImageFormat.detect(new byte[0])).isNull();
        assertThat(ImageFormat.detect(null)).isNull();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
    }

    @Test
    void truncatedHeadersGiveUnknownDimensionsInsteadOfFailing() {
        byte[] jpeg = ReferenceImageSamples.jpeg(50, 40);
        byte[] cut = Arrays.copyOf(jpeg, 30);

        assertThat(ImageFormat.detect(cut)).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageDimensions.read(cut, ImageFormat.JPEG)).isEqualTo(ImageDimensions.UNKNOWN);
        assertThat(ImageDimensions.read(new byte[] {'R', 'I', 'F', 'F'}, ImageFormat.WEBP))
                .isEqualTo(ImageDimensions.UNKNOWN);
    }

    @Test
    void namesFormatsAsDataUrisDo() {
        assertThat(ImageFormat.JPEG.apiName()).isEqualTo("jpeg");
        assertThat(ImageFormat.JPEG.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.HEIF.mimeType()).isEqualTo("image/heif");
    }
}
