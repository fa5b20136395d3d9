package dev.seedream.client;

/** HTTP 403: the account may not use this model (not activated, overdue, access denied). Never retried. */
public class SeedreamPermissionException extends SeedreamServiceException {

    private static final long serialVersionUID = 1L;

    public SeedreamPermissionException(ProviderError error) {
        super(error, false);
    }
}
