package org.sigillum.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.sigillum.api.federation.IdentityProviderView;

/** A row of {@code identity_provider}: settings and level mapping as JSON text, the secret sealed. */
@Entity
@Table(name = "identity_provider")
public class IdentityProviderEntity {

    @Id
    private String alias;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(nullable = false)
    private String settings;
    @Column(name = "sealed_secret")
    private String sealedSecret;
    @Column(name = "level_mapping", nullable = false)
    private String levelMapping;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected IdentityProviderEntity() {
    }

    IdentityProviderEntity(String alias, String kind, Instant createdAt) {
        this.alias = alias;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    void write(String newDisplayName, boolean isEnabled, Map<String, String> newSettings,
               Map<String, String> newLevelMapping, Instant at) {
        this.displayName = newDisplayName;
        this.enabled = isEnabled;
        this.settings = JsonMaps.write(newSettings);
        this.levelMapping = JsonMaps.write(newLevelMapping);
        this.updatedAt = at;
    }

    void seal(String sealed) {
        this.sealedSecret = sealed;
    }

    public String alias() {
        return alias;
    }

    public ProviderKind kind() {
        return ProviderKind.valueOf(kind);
    }

    public boolean enabled() {
        return enabled;
    }

    public String displayName() {
        return displayName;
    }

    public Map<String, String> settings() {
        return JsonMaps.read(settings);
    }

    public Map<String, String> levelMapping() {
        return JsonMaps.read(levelMapping);
    }

    String sealedSecret() {
        return sealedSecret;
    }

    IdentityProviderView view() {
        return new IdentityProviderView(alias, kind, displayName, enabled, settings(), sealedSecret != null,
                levelMapping(), createdAt.toString(), updatedAt.toString());
    }
}
