package org.sigillum.api.admin;

/**
 * {@code {"username","password","pin"}}: the password signs the user in at auth/login and the login page, the
 * PIN authorizes signatures. Both are optional (a federated user has neither) and stored only as Argon2id.
 */
public record CreateUserRequest(String username, String password, String pin) {

    /** Passwords and PINs never appear in logs or audit records through this record's text form. */
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + "]";
    }
}
