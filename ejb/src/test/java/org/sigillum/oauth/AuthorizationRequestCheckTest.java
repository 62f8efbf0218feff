package org.sigillum.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

class AuthorizationRequestCheckTest {

    private static final String REDIRECT = "https://app.example/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final ClientEntity CLIENT = new ClientEntity("app", "The App", null, "none", null, List.of(REDIRECT),
            Set.of("service", "credential"), "default", Instant.EPOCH);
    private static final ClientEntity SERVICE_ONLY = new ClientEntity("app", "The App", null, "none", null,
            List.of(REDIRECT), Set.of("service"), "default", Instant.EPOCH);

    private final List<byte[]> previewed = new ArrayList<>();
    private final AuthorizationRequestCheck check = new AuthorizationRequestCheck(100, content -> {
        previewed.add(content);
        return new DocumentPreview(DocumentPreview.Kind.TEXT, null, "shown", content.length);
    });

    private static AuthorizationRequest request(String query) throws ParseException {
        return AuthorizationRequest.parse(URI.create("https://sigillum.example/authorize?client_id=app&redirect_uri="
                + encode(REDIRECT) + "&state=s1&" + query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String pkce() {
        return "code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
    }

    @Test
    void c1UnknownClientIsShownNeverRedirectedTo() throws Exception {
        ServiceException e = assertThrows(ServiceException.class,
                () -> check.check(request("response_type=code&scope=service&" + pkce()), null));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals("unknown client_id", e.getMessage());
    }

    @Test
    void c1UnregisteredRedirectUriIsShownNeverRedirectedTo() throws Exception {
        AuthorizationRequest request = AuthorizationRequest.parse(URI.create("https://sigillum.example/authorize"
                + "?client_id=app&response_type=code&scope=service&" + pkce() + "&redirect_uri="
                + encode(REDIRECT + "/other")));
        ServiceException e = assertThrows(ServiceException.class, () -> check.check(request, CLIENT));
        assertEquals("redirect_uri is not registered for this client", e.getMessage());
    }

    @Test
    void responseTypeOtherThanCodeGoesBackToTheClient() throws Exception {
        RedirectableRefusal e = assertThrows(RedirectableRefusal.class,
                () -> check.check(request("response_type=token&scope=service&" + pkce()), CLIENT));
        assertEquals("unsupported_response_type", e.error().getCode());
    }

    @Test
    void pkceWithoutS256IsRefused() throws Exception {
        RedirectableRefusal plain = assertThrows(RedirectableRefusal.class, () -> check.check(
                request("response_type=code&scope=service&code_challenge=" + CHALLENGE + "&code_challenge_method=plain"),
                CLIENT));
        assertEquals("invalid_request", plain.error().getCode());
        assertEquals("PKCE is required, with code_challenge_method S256", plain.error().getDescription());
        RedirectableRefusal missing = assertThrows(RedirectableRefusal.class,
                () -> check.check(request("response_type=code&scope=service"), CLIENT));
        assertEquals("PKCE is required, with code_challenge_method S256", missing.error().getDescription());
    }

    @Test
    void scopeMustBeOneTheClientMayAskFor() throws Exception {
        RedirectableRefusal other = assertThrows(RedirectableRefusal.class,
                () -> check.check(request("response_type=code&scope=openid&" + pkce()), CLIENT));
        assertEquals("invalid_scope", other.error().getCode());
        assertEquals("scope must be service or credential", other.error().getDescription());
        RedirectableRefusal notRegistered = assertThrows(RedirectableRefusal.class, () -> check.check(
                request("response_type=code&scope=credential&credentialID=c1&" + pkce()), SERVICE_ONLY));
        assertEquals("the client may not ask for scope credential", notRegistered.error().getDescription());
    }

    @Test
    void serviceRequestBecomesAPendingAuthorization() throws Exception {
        PendingAuthorization pending = check.check(request("response_type=code&scope=service&" + pkce()), CLIENT);
        assertEquals(new PendingAuthorization("app", "The App", REDIRECT, "s1", CHALLENGE, "service", null), pending);
    }

    @Test
    void credentialRequestWithoutCredentialIdGoesBackToTheClient() throws Exception {
        RedirectableRefusal e = assertThrows(RedirectableRefusal.class,
                () -> check.check(request("response_type=code&scope=credential&" + pkce()), CLIENT));
        assertEquals("invalid_request", e.error().getCode());
        assertEquals("credentialID is required for scope credential", e.error().getDescription());
    }

    @Test
    void documentsSentAlongArePreviewedInTheirOrder() throws Exception {
        byte[] content = "<doc>to sign</doc>".getBytes(StandardCharsets.UTF_8);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        String otherHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[1]));
        String details = "[{\"type\":\"credential\",\"credentialID\":\"c1\",\"hashAlgorithmOID\":\"2.16.840.1.101.3.4.2.1\","
                + "\"documentDigests\":[{\"hash\":\"" + otherHash + "\",\"label\":\"no content\"},"
                + "{\"hash\":\"" + hash + "\",\"label\":\"with content\",\"content\":\""
                + Base64.getEncoder().encodeToString(content) + "\"}]}]";
        PendingAuthorization pending = check.check(
                request("response_type=code&" + pkce() + "&authorization_details=" + encode(details)), CLIENT);
        assertEquals("credential", pending.scope());
        CredentialRequest credential = pending.credential();
        assertEquals("c1", credential.credentialId());
        assertEquals(List.of("no content", "with content"), credential.labels());
        assertEquals(DocumentPreview.Kind.NONE, credential.previews().get(0).kind());
        assertEquals("shown", credential.previews().get(1).text());
        assertEquals(1, previewed.size());
        assertEquals("<doc>to sign</doc>", new String(previewed.get(0), StandardCharsets.UTF_8));
        assertNull(pending.credential().description());
    }

    @Test
    void contentThatDoesNotMatchItsHashIsRefused() throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[1]));
        String details = "[{\"type\":\"credential\",\"credentialID\":\"c1\",\"hashAlgorithmOID\":\"2.16.840.1.101.3.4.2.1\","
                + "\"documentDigests\":[{\"hash\":\"" + hash + "\",\"label\":\"x\",\"content\":\"AAAA\"}]}]";
        RedirectableRefusal e = assertThrows(RedirectableRefusal.class, () -> check.check(
                request("response_type=code&" + pkce() + "&authorization_details=" + encode(details)), CLIENT));
        assertEquals("a document's content does not match its hash", e.error().getDescription());
    }
}
