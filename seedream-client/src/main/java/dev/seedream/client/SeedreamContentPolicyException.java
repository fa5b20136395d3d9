package dev.seedream.client;

/** HTTP 400 with a sensitive-content code: the prompt or an image was refused by the provider's content policy. Never retried. */
public class SeedreamContentPolicyException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    public SeedreamContentPolicyException(ProviderError error) {
        super(error, false);
    }
}
