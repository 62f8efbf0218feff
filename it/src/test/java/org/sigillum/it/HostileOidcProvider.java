package org.sigillum.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A small OpenID Connect provider inside the test, on the loopback interface: discovery, a key set and a token
 * endpoint that answers any code with the ID token the test asks for, signed (or not) as the test asks. Its
 * authorization endpoint is never visited: the test reads the request Sigillum sends the browser there and comes
 * back to Sigillum's callback itself.
 */
final class HostileOidcProvider implements AutoCloseable {

    final String clientId = "sigillum-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpServer server;
    private volatile RSAKey key;
    private final RSAKey otherKey;
    private volatile String nonce;
    private volatile String acr = "urn:test:high";
    private volatile String subject = "hostile-subject";
    private volatile UnaryOperator<JWTClaimsSet.Builder> tamper = UnaryOperator.identity();
    private volatile boolean unsigned;
    private volatile boolean signedByOtherKey;

    HostileOidcProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/.well-known/openid-configuration", e -> reply(e, discovery()));
        server.createContext("/jwks", e -> reply(e, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", e -> {
            e.getRequestBody().readAllBytes();
            reply(e, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"id_token\":\""
                    + idToken() + "\"}");
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next ID token: for this nonce (as Sigillum sent it), subject and acr, changed by {@code change}. */
    void next(String requestNonce, String sub, String contextClass, UnaryOperator<JWTClaimsSet.Builder> change) {
        this.nonce = requestNonce;
        this.subject = sub;
        this.acr = contextClass;
        this.tamper = change;
        this.unsigned = false;
        this.signedByOtherKey = false;
    }

    /** The provider rotates its key: a new one under a new key ID, the old one no longer published. */
    void rotate() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k-" + UUID.randomUUID()).generate();
    }

    void nextUnsigned() {
        this.unsigned = true;
    }

    void nextSignedByAnotherKey() {
        this.signedByOtherKey = true;
    }

    private String idToken() {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of(clientId))
                .subject(subject).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("acr", acr).claim("auth_time", now.getEpochSecond());
        JWTClaimsSet set = tamper.apply(claims).build();
        if (unsigned) {
            return new PlainJWT(set).serialize();
        }
        try {
            RSAKey signing = signedByOtherKey ? otherKey : key;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(), set);
            jwt.sign(new RSASSASigner(signing));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        String issuer = issuer();
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
