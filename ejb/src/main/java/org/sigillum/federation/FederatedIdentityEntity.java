package org.sigillum.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sigillum.api.federation.IdentityLinkView;

/** A row of {@code federated_identity}: account {@code userId} is {@code subject} at provider {@code alias}. */
@Entity
@Table(name = "federated_identity")
public class FederatedIdentityEntity {

    @Id
    private String id;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(name = "provider_alias", nullable = false)
    private String providerAlias;
    @Column(nullable = false)
    private String subject;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FederatedIdentityEntity() {
    }

    FederatedIdentityEntity(String id, String userId, String providerAlias, String subject, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.providerAlias = providerAlias;
        this.subject = subject;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    IdentityLinkView view() {
        return new IdentityLinkView(id, userId, providerAlias, subject, createdAt.toString());
    }
}
