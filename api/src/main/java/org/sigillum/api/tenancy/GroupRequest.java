package org.sigillum.api.tenancy;

/** {@code {"name":…, "policy":{…}}}: a group of service providers and the policy they share. */
public record GroupRequest(String name, GroupPolicy policy) {
}
