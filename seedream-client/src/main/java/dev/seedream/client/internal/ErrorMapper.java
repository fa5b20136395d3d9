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
import dev.seedream.client.SeedreamRateLimitException;
import dev.seedream.client.SeedreamServerException;
import dev.seedream.client.SeedreamServiceException;
import dev.seedream.client.SeedreamSinkException;
import dev.seedream.client.SeedreamServiceException.ProviderError;
import dev.seedream.client.SeedreamTimeoutException;
import dev.seedream.client.SeedreamTlsException;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

/**
 * Turns provider answers and transport failures into the {@link SeedreamException} hierarchy. The HTTP status
 * decides first and the provider code second, because most code strings are unverified.
 */
final class ErrorMapper {

    private final JsonFactory json;

    ErrorMapper(JsonFactory json) {
        this.json = json;
    }

    /** An HTTP error status with its (small, capped) body. */
    SeedreamServiceException fromResponse(int status, byte[] body, String requestId, Duration retryAfter) {
        ProviderError error = parseError(status, body, requestId);
        return fromProviderError(error, retryAfter);
    }

    /** A provider error by status, or by code when the status says nothing (an error event inside a 200 stream). */
    static SeedreamServiceException fromProviderError(ProviderError error, Duration retryAfter) {
        int status = error.status();
        String code = error.code() == null ? "" : error.code();
        if (status == 429 || (status == 200 && isRateLimitCode(code))) {
            return new SeedreamRateLimitException(error, retryAfter);
        }
        if (isContentPolicyCode(code) && (status == 400 || status == 200)) {
            return new SeedreamContentPolicyException(error);
        }
        return switch (status) {
            case 400 -> new SeedreamInvalidRequestException(error);
            case 401 -> new SeedreamAuthenticationException(error);
            case 403 -> new SeedreamPermissionException(error);
            case 404 -> new SeedreamNotFoundException(error);
            case 408 -> new SeedreamServiceException(error, true);
            default -> status >= 500 || code.startsWith("InternalServiceError") || code.equals("ServiceUnavailable")
                    ? new SeedreamServerException(error)
                    : new SeedreamServiceException(error, false);
        };
    }

    /** A failure of the transport or of reading the body. */
    static SeedreamException fromThrowable(Throwable failure, String requestId) {
        Throwable cause = unwrapBodyFailure(failure);
        if (cause instanceof SeedreamException known) {
            return known;
        }
        if (cause instanceof SinkFailure) {
            return new SeedreamSinkException("Could not store a Seedream image: " + cause.getCause().getMessage(),
                    cause.getCause());
        }
        if (cause instanceof TimeoutException) {
            return new SeedreamTimeoutException("Seedream request timed out: " + cause.getMessage(), true, cause);
        }
        if (cause instanceof MalformedBodyException || cause instanceof com.fasterxml.jackson.core.JacksonException) {
            return new SeedreamMalformedResponseException("Seedream returned a malformed response body: "
                    + cause.getMessage(), 200, requestId, cause);
        }
        // Only a rejected certificate is final; a handshake that timed out or lost its connection is not.
        SSLHandshakeException handshake = causeOfType(cause, SSLHandshakeException.class);
        if (handshake != null && causeOfType(handshake, CertificateException.class) != null) {
            return new SeedreamTlsException("Seedream TLS handshake failed: " + handshake.getMessage()
                    + ". If the server's certificate comes from a private CA or a TLS-inspecting proxy, give the client"
                    + " an sslContext that trusts it (Camel: sslContextParameters; NiFi: SSL Context Service)", cause);
        }
        String kind = cause instanceof ConnectException ? "could not connect" : "connection failed";
        return new SeedreamConnectionException("Seedream " + kind + ": " + cause, cause);
    }

    private static <E extends Throwable> E causeOfType(Throwable failure, Class<E> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    /** A body read that failed because the transfer failed is reported as the transfer's failure. */
    private static Throwable unwrapBodyFailure(Throwable failure) {
        Throwable current = failure;
        while (current instanceof IOException && current.getCause() != null
                && current.getMessage() != null && current.getMessage().startsWith("Response body transfer failed")) {
            current = current.getCause();
        }
        return current;
    }

    private ProviderError parseError(int status, byte[] body, String requestId) {
        ErrorFields error = new ErrorFields();
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_OBJECT && "error".equals(field)) {
                        readErrorObject(parser, error);
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException notJson) {
            error.message = abbreviate(new String(body, StandardCharsets.UTF_8));
        }
        return new ProviderError(status, error.code, error.message, error.param, requestId);
    }

    private static void readErrorObject(JsonParser parser, ErrorFields error) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "code" -> error.code = parser.getValueAsString();
                case "message" -> error.message = parser.getValueAsString();
                case "param" -> error.param = parser.getValueAsString();
                default -> parser.skipChildren();
            }
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.isEmpty() ? null : flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    private static boolean isContentPolicyCode(String code) {
        return code.toLowerCase(Locale.ROOT).contains("sensitivecontent");
    }

    private static boolean isRateLimitCode(String code) {
        return code.startsWith("RateLimitExceeded") || code.endsWith("RateLimitExceeded")
                || code.equals("QuotaExceeded") || code.equals("ServerOverloaded");
    }

    /** The fields of a provider error object, as read so far. */
    private static final class ErrorFields {
        String code;
        String message;
        String param;
    }
}
