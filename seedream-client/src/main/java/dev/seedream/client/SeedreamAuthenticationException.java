package dev.seedream.client;

/** HTTP 401: the API key is missing, wrong, or belongs to another deployment (a China key fails on BytePlus). Never retried. */
public class SeedreamAuthenticationException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    public SeedreamAuthenticationException(ProviderError error) {
        super(error, false);
    }
}
