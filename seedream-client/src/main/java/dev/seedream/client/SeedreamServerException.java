package dev.seedream.client;

/** HTTP 5xx: the provider failed. Retried with backoff; the generation may or may not have happened. */
public class SeedreamServerException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    public SeedreamServerException(ProviderError error) {
        super(error, true);
    }
}
