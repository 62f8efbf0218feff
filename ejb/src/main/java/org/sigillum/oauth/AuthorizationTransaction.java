package org.sigillum.oauth;

import java.io.Serializable;
import java.time.Instant;

/**
 * One browser's way through login and consent, kept in the cluster-wide {@code consent} cache so any node can
 * serve the next step. {@code csrf} changes at each step; {@code failures} bounds guesses within it.
 */
record AuthorizationTransaction(String id, String csrf, PendingAuthorization pending, String userId, String userName,
                                Instant authenticatedAt, int failures) implements Serializable {

    AuthorizationTransaction next(String newCsrf) {
        return new AuthorizationTransaction(id, newCsrf, pending, userId, userName, authenticatedAt, failures);
    }

    AuthorizationTransaction failed(String newCsrf) {
        return new AuthorizationTransaction(id, newCsrf, pending, userId, userName, authenticatedAt, failures + 1);
    }

    AuthorizationTransaction authenticated(String newCsrf, String user, String name, Instant at) {
        return new AuthorizationTransaction(id, newCsrf, pending, user, name, at, 0);
    }

    @Override
    public String toString() {
        return "AuthorizationTransaction[client=" + pending.clientId() + ", user=" + userId + "]";
    }
}
