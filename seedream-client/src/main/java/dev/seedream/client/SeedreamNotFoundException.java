package dev.seedream.client;

/** HTTP 404: unknown model id or endpoint. Never retried. */
public class SeedreamNotFoundException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    public SeedreamNotFoundException(ProviderError error) {
        super(error, false);
    }
}
