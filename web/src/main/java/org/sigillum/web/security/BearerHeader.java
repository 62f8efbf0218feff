package org.sigillum.web.security;

/** The token of an {@code Authorization: Bearer …} header (RFC 6750), or null. */
public final class BearerHeader {

    private static final String BEARER = "Bearer ";

    private BearerHeader() {
    }

    public static String token(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
    }
}
