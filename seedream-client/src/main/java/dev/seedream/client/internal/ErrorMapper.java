/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright 2026 the Seedream for Camel and NiFi contributors
 */
package dev.seedream.client.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.seedream.client.SeedreamAuthenticationException;
import dev.seedream.client.SeedreamConnectionException;
import dev.seedream.client.SeedreamContentPolicyException;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamInvalidRequestException;
import dev.seedream.client.SeedreamMalformedResponseException;
import dev.seedream.client.SeedreamNotFoundException;
import dev.seedream.client.SeedreamPermissionException;
import dev.seedream.client.SeedreamQuotaExceededException;
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.client.SeedreamServerException;
import dev.seedream.client.SeedreamServiceException;
import dev.seedream.client.SeedreamSinkException;
import dev.seedream.client.SeedreamServiceException.ProviderError;
import dev.seedream.client.SeedreamTimeoutException;
import dev.seedream.client.SeedreamTlsException;
import io.netty.handler.codec.compression.DecompressionException;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLHandshakeException;

/**
 * Turns provider answers and transport failures into the {@link SeedreamException} hierarchy. The HTTP status
 * decides first and the provider code second, because most code strings are unverified.
 */
final class ErrorMapper {

    /** Provider error messages end with "Request id: …". */
    private static final Pattern MESSAGE_REQUEST_ID = Pattern.compile(
            "(?i)request id:\\s*([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)\\W*$");

    /** A bearer token in any text a server sends back (an echoed Authorization header). */
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[^\\s\"',;]+");
    static final String REDACTED = "****";

    private final JsonFactory json;
    private final String apiKey;

    /** @param apiKey the client's key, removed from every provider-supplied text kept */
    ErrorMapper(JsonFactory json, String apiKey) {
        this.json = json;
        this.apiKey = apiKey;
    }

    /**
     * {@code text} without the client's key or any bearer token: a server that echoes the Authorization header
     * (in a message, an HTML page, a request id) must not put the key into exceptions, logs, headers or attributes.
     */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutKey = apiKey.isEmpty() ? text : text.replace(apiKey, REDACTED);
        return BEARER.matcher(withoutKey).replaceAll("Bearer " + REDACTED);
    }

    /**
     * An HTTP error status with its (small, capped) body.
     *
     * @param serverRequestId the provider's request id header, or null
     * @param clientRequestId the {@code X-Client-Request-Id} this attempt sent
     * @param location        the {@code Location} of a 3xx answer, else null
     */
    SeedreamServiceException fromResponse(int status, byte[] body, String serverRequestId, String clientRequestId,
                                          Duration retryAfter, String location) {
        ErrorFields error = parseError(body);
        if (location != null) { // the API never redirects: the base URL points at something else
            error.message = (error.message == null ? "" : error.message + "; ") + "redirects to "
                    + Redaction.url(location) + " (not followed: check the base URL)";
        }
        return fromProviderError(providerError(error, status, serverRequestId, clientRequestId), error.type,
                retryAfter);
    }

    /** What the provider said, redacted, with the request id to quote. */
    ProviderError providerError(ErrorFields error, int status, String serverRequestId, String clientRequestId) {
        String message = redact(error.message);
        return new ProviderError(status, redact(error.code), message, redact(error.param),
                requestId(serverRequestId, message, clientRequestId));
    }

    /**
     * A provider error by status, code second. An error inside a 2xx body (a top-level {@code error} object or a
     * stream's error event) is classified by the status its code, else its {@code type}, comes with.
     */
    static SeedreamServiceException fromProviderError(ProviderError error, String type, Duration retryAfter) {
        String code = error.code() == null ? "" : error.code();
        boolean inSuccess = error.status() / 100 == 2;
        int status = inSuccess ? ProviderCodes.impliedStatus(error.code(), type) : error.status();
        if (status == 429) {
            return ProviderCodes.isQuotaExhausted(code) ? new SeedreamQuotaExceededException(error)
                    : new SeedreamRateLimitException(error, retryAfter);
        }
        if (status == 400 && ProviderCodes.isContentPolicy(code)) {
            return new SeedreamContentPolicyException(error);
        }
        return switch (status) {
            case 400 -> new SeedreamInvalidRequestException(error);
            case 401 -> new SeedreamAuthenticationException(error);
            case 403 -> new SeedreamPermissionException(error);
            case 404 -> new SeedreamNotFoundException(error);
            case 408 -> new SeedreamServiceException(error, true);
            default -> status >= 500 ? new SeedreamServerException(error) : new SeedreamServiceException(error, false);
        };
    }

    /**
     * A failure of the transport or of reading the body; {@code requestId} is the attempt's id. Messages are
     * redacted: a parser's message may quote the body it choked on.
     */
    SeedreamException fromThrowable(Throwable failure, String requestId) {
        Throwable cause = unwrapBodyFailure(failure);
        if (cause instanceof SeedreamException known) {
            return known;
        }
        if (cause instanceof SinkFailure) {
            return new SeedreamSinkException("Could not store a Seedream image: " + cause.getCause().getMessage(),
                    requestId, cause.getCause());
        }
        if (cause instanceof TimeoutException) {
            return new SeedreamTimeoutException("Seedream request timed out: " + cause.getMessage(), true, requestId,
                    cause);
        }
        if (causeOfType(cause, DecompressionException.class) != null) {
            return new SeedreamMalformedResponseException("Seedream returned a body whose Content-Encoding could not be"
                    + " decoded: " + redact(cause.getMessage()), 200, requestId, null);
        }
        if (cause instanceof MalformedBodyException || cause instanceof com.fasterxml.jackson.core.JacksonException) {
            return new SeedreamMalformedResponseException("Seedream returned a malformed response body: "
                    + redact(cause.getMessage()), 200, requestId, null);
        }
        // Only a rejected certificate is final; a handshake that timed out or lost its connection is not.
        SSLHandshakeException handshake = causeOfType(cause, SSLHandshakeException.class);
        if (handshake != null && causeOfType(handshake, CertificateException.class) != null) {
            return new SeedreamTlsException("Seedream TLS handshake failed: " + handshake.getMessage()
                    + ". If the server's certificate comes from a private CA or a TLS-inspecting proxy, give the client"
                    + " an sslContext that trusts it (Camel: sslContextParameters; NiFi: SSL Context Service)",
                    requestId, cause);
        }
        String kind = cause instanceof ConnectException ? "could not connect" : "connection failed";
        return new SeedreamConnectionException("Seedream " + kind + ": " + cause, requestId, cause);
    }

    /**
     * The id a user quotes to support: the provider's header, else the "Request id: …" that ends its error
     * messages, else the id we sent.
     */
    static String requestId(String serverRequestId, String providerMessage, String clientRequestId) {
        if (serverRequestId != null) {
            return serverRequestId;
        }
        Matcher inMessage = providerMessage == null ? null : MESSAGE_REQUEST_ID.matcher(providerMessage);
        return inMessage != null && inMessage.find() ? inMessage.group(1) : clientRequestId;
    }

    private static <E extends Throwable> E causeOfType(Throwable failure, Class<E> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    /**
     * A body read that failed because the transfer failed is reported as the transfer's failure; a failure that
     * passed through a future is reported as itself.
     */
    private static Throwable unwrapBodyFailure(Throwable failure) {
        Throwable current = SeedreamException.unwrap(failure);
        while (current instanceof BodyTransferException && current.getCause() != null) {
            current = SeedreamException.unwrap(current.getCause());
        }
        return current;
    }

    private ErrorFields parseError(byte[] body) {
        ErrorFields error = new ErrorFields();
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_OBJECT && "error".equals(field)) {
                        error = ErrorFields.read(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException notJson) {
            error.message = abbreviate(new String(body, StandardCharsets.UTF_8));
        }
        return error;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.isEmpty() ? null : flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
