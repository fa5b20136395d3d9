package dev.seedream.camel;

import java.util.List;

import dev.seedream.client.GeneratedImage;
import dev.seedream.client.GenerationResult;
import dev.seedream.client.ImageSink;
import org.apache.camel.Message;

/**
 * Maps a {@link GenerationResult} onto the message: one image becomes the body itself ({@code byte[]}, or a
 * {@code Path} with an output directory), so the common case needs no unwrapping; several become a
 * {@code List<GeneratedImage>} in index order, each holding its index, size and MIME type beside the content.
 */
final class SeedreamResultSupport {

    private SeedreamResultSupport() {
    }

    static void writeResult(Message out, GenerationResult<Object> result) {
        List<GeneratedImage<Object>> images = result.images();
        out.setBody(images.size() == 1 ? images.get(0).content() : images);
        out.setHeader(SeedreamConstants.IMAGE_COUNT, images.size());
        if (!images.isEmpty()) {
            writeImageHeaders(out, images.get(0));
        }
        out.setHeader(SeedreamConstants.RESPONSE_MODEL, result.model());
        out.setHeader(SeedreamConstants.USAGE_GENERATED_IMAGES, result.usage().generatedImages());
        out.setHeader(SeedreamConstants.USAGE_OUTPUT_TOKENS, result.usage().outputTokens());
        out.setHeader(SeedreamConstants.USAGE_TOTAL_TOKENS, result.usage().totalTokens());
        out.setHeader(SeedreamConstants.REQUEST_ID, result.requestId());
        out.setHeader(SeedreamConstants.ATTEMPTS, result.attempts());
        if (!result.failures().isEmpty()) {
            out.setHeader(SeedreamConstants.FAILED_IMAGES, result.failures());
        }
    }

    /** Headers describing one image; on a whole result they describe the first. */
    static void writeImageHeaders(Message out, GeneratedImage<?> image) {
        out.setHeader(SeedreamConstants.IMAGE_INDEX, image.index());
        out.setHeader(SeedreamConstants.IMAGE_SIZE, image.size());
        out.setHeader(SeedreamConstants.MIME_TYPE, image.mimeType());
        if (image.url() != null) {
            out.setHeader(SeedreamConstants.IMAGE_URL, image.url());
        }
    }

    /**
     * Views a sink of any content type as a sink of {@code Object}, so one code path serves memory and file
     * output. Safe: the content type only ever flows out of a sink, never in.
     */
    @SuppressWarnings("unchecked")
    static ImageSink<Object> widen(ImageSink<?> sink) {
        return (ImageSink<Object>) sink;
    }
}
