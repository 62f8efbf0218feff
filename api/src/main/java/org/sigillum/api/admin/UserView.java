package org.sigillum.api.admin;

public record UserView(String id, String username, String status, String createdAt, String group) {
}
