package org.sigillum.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of service providers; its policy is kept as the JSON the admin API accepted (GroupPolicies checks it). */
@Entity
@Table(name = "client_group")
public class GroupEntity {

    /** The group of every account and client created before groups existed, and of those created without one. */
    public static final String DEFAULT = "default";

    @Id
    private String id;
    @Column(nullable = false, unique = true)
    private String name;
    @Column(nullable = false)
    private String policy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GroupEntity() {
    }

    public GroupEntity(String id, String name, String policy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.policy = policy;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String policy() {
        return policy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void change(String newName, String newPolicy) {
        this.name = newName;
        this.policy = newPolicy;
    }
}
