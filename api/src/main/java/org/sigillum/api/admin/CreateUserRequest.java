package org.sigillum.api.admin;

/**
 * {@code {"username","password","pin"}}: the password signs the user in at auth/login and the login page, the
 * PIN authorizes signatures. Both are optional (a federated user has neither) and stored only as Argon2id.
 * {@code group} is the ID of the account's group: an operator may name any (default: the default group); a
 * service provider's {@code users} token always creates accounts in its own group.
 */
public record CreateUserRequest(String username, String password, String pin, String group) {

    /** Passwords and PINs never appear in logs or audit records through this record's text form. */
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + "]";
    }
}
