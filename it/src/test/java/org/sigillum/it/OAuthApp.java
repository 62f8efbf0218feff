package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client application registered by the operator, driving the authorization-code flow with PKCE the way a
 * service provider's back end and its user's browser would.
 */
final class OAuthApp {

    static final String AUTHORIZE = "/csc/v2/oauth2/authorize";
    static final String TOKEN = "/csc/v2/oauth2/token";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String clientId;
    final String secret;
    final String redirectUri;

    private OAuthApp(String clientId, String secret, String redirectUri) {
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    static OAuthApp register(String scope) {
        return register(scope, null);
    }

    /** A registered client known by its ID and secret (a back office, without redirect URIs). */
    static OAuthApp of(String clientId, String secret) {
        return new OAuthApp(clientId, secret, null);
    }

    /** A client application of the given group (null: the default group). */
    static OAuthApp register(String scope, String group) {
        String redirect = "http://127.0.0.1:9/callback/" + RANDOM.nextInt(1_000_000);
        ObjectNode body = Sigillum.object().put("client_name", "Test app <b>" + redirect + "</b>").put("scope", scope);
        if (group != null) {
            body.put("group", group);
        }
        body.putArray("redirect_uris").add(redirect);
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/clients", body);
        assertEquals(201, reply.status(), reply.body());
        return new OAuthApp(reply.json().get("client_id").asText(), reply.json().get("client_secret").asText(), redirect);
    }

    String basic() {
        return Sigillum.basic(clientId, secret);
    }

    /** An authorization request's query with PKCE S256 for {@code verifier}, plus extra parameters. */
    String authorizeQuery(String verifier, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("code_challenge", challenge(verifier));
        params.put("code_challenge_method", "S256");
        params.put("state", "st-" + RANDOM.nextInt(1_000_000));
        params.putAll(extra);
        params.values().removeIf(v -> v == null);
        return AUTHORIZE + "?" + query(params);
    }

    /** Logs the user in, approves (with the PIN when given) and returns the code the redirect carries. */
    String approve(Browser browser, String verifier, Map<String, String> extra, String username, String password,
                   String pin) {
        Sigillum.Reply login = browser.open(authorizeQuery(verifier, extra));
        assertEquals(200, login.status(), login.body());
        Sigillum.Reply consent = browser.submit(AUTHORIZE + "/login", Map.of("username", username, "password", password));
        assertEquals(200, consent.status(), consent.body());
        Map<String, String> decision = new LinkedHashMap<>();
        decision.put("decision", "approve");
        if (pin != null) {
            decision.put("pin", pin);
        }
        Sigillum.Reply redirect = browser.submit(AUTHORIZE + "/consent", decision);
        return code(redirect);
    }

    /** The code of a redirect to this app, after checking the redirect's target, state echo and issuer. */
    String code(Sigillum.Reply redirect) {
        assertEquals(303, redirect.status(), redirect.body());
        String location = redirect.header("Location");
        assertTrue(location.startsWith(redirectUri + "?"), location);
        Map<String, String> params = params(location);
        assertEquals(Sigillum.env("SIGILLUM_IT_URL"), params.get("iss"));
        assertNotNull(params.get("state"));
        assertNotNull(params.get("code"), location);
        return params.get("code");
    }

    Sigillum.Reply redeem(String code, String verifier) {
        return Sigillum.form(TOKEN, basic(), "grant_type=authorization_code&code=" + Sigillum.urlEncode(code)
                + "&redirect_uri=" + Sigillum.urlEncode(redirectUri)
                + (verifier == null ? "" : "&code_verifier=" + Sigillum.urlEncode(verifier)));
    }

    JsonNode tokens(String code, String verifier) {
        Sigillum.Reply reply = redeem(code, verifier);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static String newVerifier() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> Sigillum.urlEncode(e.getKey()) + "=" + Sigillum.urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> params(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
