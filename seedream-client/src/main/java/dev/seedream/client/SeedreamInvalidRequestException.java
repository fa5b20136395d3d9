package dev.seedream.client;

/** HTTP 400: the provider rejected a request field. Never retried. */
public class SeedreamInvalidRequestException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    public SeedreamInvalidRequestException(ProviderError error) {
        super(error, false);
    }
}
