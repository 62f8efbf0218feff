package org.sigillum.api.device;

/** A registered device as the admin API lists it. */
public record DeviceView(String id, String name, String createdAt, String lastSeenAt) {
}
