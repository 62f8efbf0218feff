package org.sigillum.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "bearer_token")
public class BearerTokenEntity {

    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "token_type", nullable = false)
    private String tokenType;
    @Column(name = "user_id")
    private String userId;
    @Column(name = "client_id")
    private String clientId;
    @Column(nullable = false)
    private String scope;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(nullable = false)
    private boolean revoked;
    @Column(name = "family_id")
    private String familyId;
    @Column(name = "credential_id")
    private String credentialId;

    protected BearerTokenEntity() {
    }

    BearerTokenEntity(String tokenHash, String tokenType, String userId, String clientId, Set<String> scopes,
                      String familyId, Instant issuedAt, Instant expiresAt) {
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.tokenType = tokenType;
        this.userId = userId;
        this.clientId = clientId;
        this.scope = String.join(" ", scopes);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** The credential of a credential-scope token (null for other tokens). */
    BearerTokenEntity forCredential(String credential) {
        this.credentialId = credential;
        return this;
    }

    String credentialId() {
        return credentialId;
    }

    boolean liveAt(Instant now, String type) {
        return !revoked && tokenType.equals(type) && now.isBefore(expiresAt);
    }

    void revoke() {
        revoked = true;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean isRefresh() {
        return REFRESH.equals(tokenType);
    }

    String familyId() {
        return familyId;
    }

    String tokenHash() {
        return tokenHash;
    }

    String userId() {
        return userId;
    }

    String clientId() {
        return clientId;
    }

    Set<String> scopes() {
        return new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
    }
}
