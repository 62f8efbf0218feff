package org.sigillum.api.tenancy;

/** A group as the admin API shows it. */
public record GroupView(String id, String name, GroupPolicy policy, String createdAt) {
}
