package dev.seedream.nifi;

import dev.seedream.client.ImageRequest;
import dev.seedream.client.ImageSinks;
import dev.seedream.client.SeedreamAuthenticationException;
import dev.seedream.client.SeedreamClient;
import dev.seedream.client.SeedreamException;
import dev.seedream.client.SeedreamInvalidRequestException;
import dev.seedream.client.SeedreamNotFoundException;
import org.apache.nifi.components.ConfigVerificationResult;

/**
 * Checks that the endpoint is reachable and accepts the key without generating a billed image: it sends a
 * request with a 1x1 size, which passes the client's protocol checks but which every Seedream model must reject.
 * The provider authenticates before it validates, so a 400 proves the key and a 401 disproves it; an unknown
 * model answers 404 before the size is looked at.
 */
final class ConnectionProbe {

    static final VerificationStep STEP = new VerificationStep("Reach API and Check Key");
    private static final String INVALID_SIZE = "1x1";

    private ConnectionProbe() {
    }

    /** @param client a client built with protocol-only validation and no retries, so a probe stays one call */
    static ConfigVerificationResult run(SeedreamClient client) {
        ImageRequest probe = ImageRequest.builder().prompt("connection check").size(INVALID_SIZE).build();
        try {
            client.generate(probe, ImageSinks.discarding());
            return STEP.passed("Reached " + client.baseUrl() + " and the key was accepted, but the provider "
                    + "generated an image for size " + INVALID_SIZE + " instead of rejecting it");
        } catch (SeedreamInvalidRequestException expected) {
            return STEP.passed("Reached " + client.baseUrl() + "; the API key and model " + client.defaultModel()
                    + " were accepted (the deliberately invalid probe was rejected with HTTP "
                    + expected.httpStatus() + " " + expected.errorCode() + ", so no image was generated)");
        } catch (SeedreamAuthenticationException rejected) {
            return STEP.failed("Reached " + client.baseUrl() + " but the API key was rejected: "
                    + rejected.getMessage());
        } catch (SeedreamNotFoundException unknownModel) {
            return STEP.failed("Reached " + client.baseUrl() + " and the key was accepted, but model "
                    + client.defaultModel() + " was not found: " + unknownModel.getMessage());
        } catch (SeedreamException other) {
            return STEP.failed("Could not verify " + client.baseUrl() + ": " + other.getMessage());
        }
    }
}
