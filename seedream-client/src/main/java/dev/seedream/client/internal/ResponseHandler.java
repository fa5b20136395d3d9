/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamMalformedResponseException;
import dev.seedream.client.SeedreamStreamInterruptedException;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives one HTTP attempt on AsyncHttpClient's I/O thread and never blocks it. A 200 body flows through a
 * {@link BodyPipe} to a decoder thread that parses it while it arrives; an error body (small) is collected and
 * mapped when complete. The outcome is {@link #result()}: the response summary, or a {@link SeedreamException}.
 */
final class ResponseHandler<T> implements AsyncHandler<Void> {

    /** Header names that may carry the provider's own request id (the SDKs name X-Request-Id). */
    static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "X-Tt-Logid");
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** A plain body is decoded once complete, or earlier once this much is queued (keeps large bodies flat). */
    private static final long DECODE_EARLY_AT = 256 * 1024;

    private final BodyDecoder<T> decoder;
    private final Executor decoderThreads;
    private final ErrorMapper errors;
    private final Clock clock;
    private final String clientRequestId;
    private final CompletableFuture<ResponseSummary> result = new CompletableFuture<>();
    private final AtomicBoolean decoding = new AtomicBoolean();
    private final BodyPipe pipe;
    private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
    private int status;
    private String serverRequestId;
    /** Tells an HTML page (a proxy's, a login page) from broken JSON in the message. */
    private volatile int firstBodyByte = -1;
    private String retryAfter;
    private String location;

    /**
     * @param clientRequestId the {@code X-Client-Request-Id} this attempt sends
     * @param maxQueued       the most body bytes held ahead of the decoder
     */
    ResponseHandler(BodyDecoder<T> decoder, Executor decoderThreads, ErrorMapper errors, Clock clock,
                    String clientRequestId, long maxQueued) {
        this.decoder = decoder;
        this.decoderThreads = decoderThreads;
        this.errors = errors;
        this.clock = clock;
        this.clientRequestId = clientRequestId;
        this.pipe = new BodyPipe(maxQueued);
    }

    CompletableFuture<ResponseSummary> result() {
        return result;
    }

    /** The provider's request id header (redacted), else the id this attempt sent. */
    String requestId() {
        return serverRequestId != null ? serverRequestId : clientRequestId;
    }

    @Override
    public State onStatusReceived(HttpResponseStatus responseStatus) {
        status = responseStatus.getStatusCode();
        return State.CONTINUE;
    }

    @Override
    public State onHeadersReceived(HttpHeaders headers) {
        serverRequestId = errors.redact(REQUEST_ID_HEADERS.stream().map(headers::get)
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse(null));
        retryAfter = headers.get("Retry-After");
        location = status / 100 == 3 ? headers.get("Location") : null;
        if (isSuccess() && decoder.isStream()) {
            startDecoding(); // events are handed on as they arrive
        }
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart part) {
        if (isSuccess()) {
            byte[] bytes = part.getBodyPartBytes();
            if (firstBodyByte < 0 && bytes.length > 0) {
                firstBodyByte = bytes[0];
            }
            if (!pipe.append(bytes)) {
                return State.ABORT; // the decoder is done with this body, or too far behind it
            }
            if (pipe.bufferedBytes() >= DECODE_EARLY_AT) {
                startDecoding();
            }
        } else if (errorBody.size() < MAX_ERROR_BODY) {
            errorBody.write(part.getBodyPartBytes(), 0, Math.min(part.length(), MAX_ERROR_BODY - errorBody.size()));
        }
        return State.CONTINUE;
    }

    @Override
    public void onThrowable(Throwable failure) {
        pipe.fail(failure);
        if (!decoding.get()) {
            result.completeExceptionally(failure instanceof Error ? failure
                    : errors.fromThrowable(failure, requestId()));
        }
    }

    @Override
    public Void onCompleted() {
        if (isSuccess()) {
            pipe.finish();
            startDecoding();
        } else {
            result.completeExceptionally(errors.fromResponse(status, errorBody.toByteArray(), serverRequestId,
                    clientRequestId, RetryAfter.parse(retryAfter, clock), location));
        }
        return null;
    }

    private boolean isSuccess() {
        return status / 100 == 2;
    }

    private void startDecoding() {
        if (decoding.compareAndSet(false, true)) {
            decoderThreads.execute(this::decode);
        }
    }

    private void decode() {
        ResponseSummary summary = new ResponseSummary();
        try (pipe) {
            decoder.decode(pipe, summary);
            result.complete(summary);
        } catch (Throwable failure) {
            result.completeExceptionally(mapDecodeFailure(failure, summary));
        }
    }

    /** An {@link Error} (out of memory, a linkage error) is passed on as it is: never retried nor a network fault. */
    private Throwable mapDecodeFailure(Throwable failure, ResponseSummary summary) {
        if (failure instanceof ErrorInBodyException inBody) {
            SeedreamException provider = ErrorMapper.fromProviderError(
                    errors.providerError(inBody.error, status, serverRequestId, clientRequestId), inBody.error.type,
                    null);
            // After images were handed on, a retry would deliver (and bill) them again: the stream counts as cut.
            return summary.itemsDelivered == 0 ? provider
                    : new SeedreamStreamInterruptedException(summary.itemsDelivered, requestId(), provider);
        }
        boolean transportFailed = pipe.failure() != null;
        Throwable cause = transportFailed ? pipe.failure() : failure;
        if (cause instanceof Error || failure instanceof Error) {
            return failure instanceof Error ? failure : cause;
        }
        // A stream whose images were handed on is cut, whatever broke it: a retry would deliver them again.
        if (decoder.isStream() && (failure instanceof StreamCutException || transportFailed
                || summary.itemsDelivered > 0)) {
            return new SeedreamStreamInterruptedException(summary.itemsDelivered, requestId(), cause);
        }
        if (firstBodyByte == '<' && (cause instanceof MalformedBodyException
                || cause instanceof com.fasterxml.jackson.core.JacksonException)) {
            return new SeedreamMalformedResponseException("Seedream answered HTTP " + status + " with an HTML page, not"
                    + " JSON: a proxy, gateway or login page may be answering instead of the API", status, requestId(),
                    null);
        }
        return errors.fromThrowable(cause, requestId());
    }
}
