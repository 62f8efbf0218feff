package org.sigillum.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sigillum.api.oauth.RegisteredClient;

@Entity
@Table(name = "oauth_client")
public class ClientEntity {

    @Id
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "client_name", nullable = false)
    private String clientName;
    @Column(name = "secret_hash")
    private String secretHash;
    @Column(name = "auth_method", nullable = false)
    private String authMethod;
    @Column(name = "jwks")
    private String jwks;
    /** Newline-separated: a redirect URI never contains a line break. */
    @Column(name = "redirect_uris", nullable = false)
    private String redirectUris;
    @Column(nullable = false)
    private String scope;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "group_id", nullable = false)
    private String groupId;

    protected ClientEntity() {
    }

    ClientEntity(String clientId, String clientName, String secretHash, String authMethod, String jwks,
                 List<String> redirectUris, Set<String> scopes, String groupId, Instant createdAt) {
        this.clientId = clientId;
        this.clientName = clientName;
        this.secretHash = secretHash;
        this.authMethod = authMethod;
        this.jwks = jwks;
        this.redirectUris = String.join("\n", redirectUris);
        this.scope = String.join(" ", scopes);
        this.enabled = true;
        this.groupId = groupId;
        this.createdAt = createdAt;
    }

    public String groupId() {
        return groupId;
    }

    /** Moving a client is an operator's audited action (GroupsBean). */
    public void groupId(String group) {
        this.groupId = group;
    }

    public String clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    String secretHash() {
        return secretHash;
    }

    void secretHash(String hash) {
        this.secretHash = hash;
    }

    String authMethod() {
        return authMethod;
    }

    String jwks() {
        return jwks;
    }

    public List<String> redirectUris() {
        return redirectUris.isEmpty() ? List.of() : List.of(redirectUris.split("\n"));
    }

    public Set<String> scopes() {
        return new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
    }

    public boolean enabled() {
        return enabled;
    }

    RegisteredClient view(String secret) {
        return new RegisteredClient(clientId, secret, clientName, redirectUris(), scope, authMethod, groupId);
    }
}
