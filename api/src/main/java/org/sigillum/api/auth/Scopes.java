package org.sigillum.api.auth;

import java.util.Set;

/**
 * The OAuth 2.0 scopes of this server. {@code service} lets an application act for a user in the CSC API;
 * {@code credential} is one authorization of one credential (the token is its SAD); {@code admin} is an
 * operator's back-office access and never speaks for a user.
 */
public final class Scopes {

    public static final String SERVICE = "service";
    public static final String CREDENTIAL = "credential";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(SERVICE, CREDENTIAL, ADMIN);

    private Scopes() {
    }
}
