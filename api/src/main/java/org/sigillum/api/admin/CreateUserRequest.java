package org.sigillum.api.admin;

public record CreateUserRequest(String username) {
}
