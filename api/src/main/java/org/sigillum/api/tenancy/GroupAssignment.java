package org.sigillum.api.tenancy;

/** {@code {"group":…}}: the group a client application is moved to. */
public record GroupAssignment(String group) {
}
