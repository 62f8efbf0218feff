package org.sigillum.api.auth;

import java.util.Set;

/**
 * The OAuth 2.0 scopes of this server. {@code service} lets an application act for a user in the CSC API;
 * {@code credential} is one authorization of one credential (the token is its SAD); {@code admin} is an
 * operator's back-office access and never speaks for a user. {@code users} lets a service provider's back office
 * manage the accounts of its own group (User Account Management API); {@code auditor} reads audit records and
 * usage and nothing else.
 */
public final class Scopes {

    public static final String SERVICE = "service";
    public static final String CREDENTIAL = "credential";
    public static final String ADMIN = "admin";
    public static final String USERS = "users";
    public static final String AUDITOR = "auditor";
    public static final Set<String> ALL = Set.of(SERVICE, CREDENTIAL, ADMIN, USERS, AUDITOR);

    private Scopes() {
    }
}
