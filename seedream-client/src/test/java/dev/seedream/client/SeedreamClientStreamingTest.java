/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client;

import dev.seedream.emulator.EmulatorConfig;
import dev.seedream.emulator.FaultSpec;
import dev.seedream.emulator.Latency;
import dev.seedream.emulator.junit.SeedreamEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static dev.seedream.client.EmulatorClients.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedreamClientStreamingTest extends SharedClientTest {

    private static final Duration PER_IMAGE = Duration.ofMillis(300);
    @RegisterExtension
    static final SeedreamEmulatorExtension emulator = SeedreamEmulatorExtension.with(EmulatorConfig.builder()
            .latency(Latency.fixed(PER_IMAGE)).outputPolicyTrigger("blocked-image").build());

    @Override
    SeedreamEmulatorExtension emulator() {
        return emulator;
    }

    private static ImageRequest group(String prompt, int images) {
        return b64(prompt).stream(true).sequentialImageGeneration(SequentialImageGeneration.AUTO)
                .maxImages(images).build();
    }

    @Test
    void handsEachImageToTheListenerBeforeTheGroupIsComplete() {
        AtomicReference<CompletableFuture<?>> call = new AtomicReference<>();
        List<Boolean> callDoneAtArrival = new CopyOnWriteArrayList<>();
        List<Integer> arrivals = new CopyOnWriteArrayList<>();
        ImageListener<byte[]> listener = image -> {
            arrivals.add(image.index());
            callDoneAtArrival.add(call.get() != null && call.get().isDone());
        };

        call.set(client.generateAsync(group("a storyboard of three scenes", 3), ImageSinks.memory(), listener));
        GenerationResult<byte[]> result = client.generate(group("warm-up is not needed", 1));
        GenerationResult<?> streamed = (GenerationResult<?>) call.get().join();

        assertThat(result.images()).hasSize(1);
        assertThat(arrivals).containsExactly(0, 1, 2);
        assertThat(callDoneAtArrival).containsOnly(false);
        assertThat(streamed.images()).hasSize(3);
        assertThat(streamed.usage()).map(Usage::generatedImages).contains(3);
    }

    @Test
    void reportsItemFailuresOfAStreamToTheListener() {
        List<ImageFailure> failed = new CopyOnWriteArrayList<>();
        ImageListener<byte[]> listener = new ImageListener<>() {
            @Override
            public void onImage(GeneratedImage<byte[]> image) {
            }

            @Override
            public void onImageFailed(ImageFailure failure) {
                failed.add(failure);
            }
        };

        GenerationResult<byte[]> result = client.generateAsync(group("three panels, blocked-image in one", 3),
                ImageSinks.memory(), listener).join();

        assertThat(failed).extracting(ImageFailure::index).containsExactly(1);
        assertThat(result.failures()).isEqualTo(failed);
        assertThat(result.images()).extracting(GeneratedImage::index).containsExactly(0, 2);
    }

    @Test
    void aCutStreamSaysHowManyImagesArrivedAndIsNotRepeated() {
        emulator.faults().schedule(FaultSpec.sseCutAfter(2));
        List<Integer> arrivals = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> client.generateAsync(group("four cut panels", 4), ImageSinks.memory(),
                image -> arrivals.add(image.index())).join())
                .cause()
                .isInstanceOfSatisfying(SeedreamStreamInterruptedException.class, cut -> {
                    assertThat(cut.imagesReceived()).isEqualTo(2);
                    assertThat(cut.isRetryable()).isFalse();
                    assertThat(cut).hasMessageContaining("after 2 image(s)");
                });
        assertThat(arrivals).containsExactly(0, 1);
        assertThat(emulator.stats().requestsForPrompt("four cut panels")).isEqualTo(1);
    }

    @Test
    void aStreamCutBeforeItsFirstImageIsRetried() {
        emulator.faults().schedule(FaultSpec.sseCutAfter(0));

        GenerationResult<byte[]> result = client.generate(group("two panels after a cut", 2));

        assertThat(result.images()).hasSize(2);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(emulator.stats().requestsForPrompt("two panels after a cut")).isEqualTo(2);
    }
}
