package org.sigillum.federation;

/** The audit events of federated sign-in and of the provider registry. */
public final class FederationEvents {

    public static final String PROVIDER_CREATED = "IDENTITY_PROVIDER_CREATED";
    public static final String PROVIDER_UPDATED = "IDENTITY_PROVIDER_UPDATED";
    public static final String PROVIDER_DELETED = "IDENTITY_PROVIDER_DELETED";
    public static final String PROVIDER_REFUSED = "IDENTITY_PROVIDER_CHANGE_REFUSED";
    public static final String LEVEL_POLICY_UPDATED = "LEVEL_POLICY_UPDATED";
    public static final String IDENTITY_LINKED = "IDENTITY_LINKED";
    public static final String IDENTITY_UNLINKED = "IDENTITY_UNLINKED";
    public static final String IDENTITY_LINK_REFUSED = "IDENTITY_LINK_REFUSED";
    public static final String FEDERATED_LOGIN_STARTED = "FEDERATED_LOGIN_STARTED";
    public static final String FEDERATED_LOGIN_SUCCEEDED = "FEDERATED_LOGIN_SUCCEEDED";
    public static final String FEDERATED_LOGIN_REFUSED = "FEDERATED_LOGIN_REFUSED";
    public static final String FEDERATED_STEP_UP = "FEDERATED_STEP_UP";
    public static final String LEVEL_BELOW_POLICY = "LEVEL_BELOW_POLICY";

    private FederationEvents() {
    }
}
