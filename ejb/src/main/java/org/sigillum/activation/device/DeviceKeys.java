package org.sigillum.activation.device;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * A device's ES256 key: the JWK it registers, the short-lived JWTs it authenticates with (issuer: the device ID,
 * audience {@value #AUDIENCE}, at most {@value #MAX_LIFETIME_SECONDS} s between iat and exp), and its signatures over
 * an approval's content.
 */
final class DeviceKeys {

    static final String AUDIENCE = "sigillum-devices";
    static final long MAX_LIFETIME_SECONDS = 300;
    private static final long SKEW_SECONDS = 30;
    static final String NOT_AUTHENTICATED = "the device token is missing, malformed, expired or not signed by a registered device";

    private DeviceKeys() {
    }

    /** The public P-256 key of a registration, as the JWK stored; anything else is refused. */
    static String publicJwk(Map<String, String> jwk) throws ServiceException {
        try {
            ECKey key = ECKey.parse(new HashMap<String, Object>(jwk == null ? Map.of() : jwk));
            if (!Curve.P_256.equals(key.getCurve()) || key.isPrivate()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "publicKey must be a public EC P-256 JWK");
            }
            return key.toPublicJWK().toJSONString();
        } catch (ParseException e) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "publicKey must be a public EC P-256 JWK");
        }
    }

    /** The device ID a JWT claims, before its signature is checked: only to find the key to check it with. */
    static SignedJWT parse(String token) throws ServiceException {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || jwt.getJWTClaimsSet().getIssuer() == null) {
                throw new ServiceException(ErrorCode.INVALID_TOKEN, NOT_AUTHENTICATED);
            }
            return jwt;
        } catch (ParseException | RuntimeException e) {
            throw new ServiceException(ErrorCode.INVALID_TOKEN, NOT_AUTHENTICATED);
        }
    }

    /** Whether the JWT is signed by {@code publicJwk} and is live now for this audience. */
    static boolean valid(SignedJWT jwt, String publicJwk, Instant now) {
        try {
            if (!jwt.verify(new ECDSAVerifier(ECKey.parse(publicJwk)))) {
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date issued = claims.getIssueTime();
            Date expires = claims.getExpirationTime();
            return claims.getAudience().contains(AUDIENCE) && issued != null && expires != null
                    && !issued.toInstant().isAfter(now.plusSeconds(SKEW_SECONDS))
                    && expires.toInstant().isAfter(now)
                    && expires.toInstant().getEpochSecond() - issued.toInstant().getEpochSecond() <= MAX_LIFETIME_SECONDS;
        } catch (JOSEException | ParseException e) {
            return false;
        }
    }

    /** What the device signs for a decision: the content (base64url), a full stop, and the decision. */
    static byte[] signingInput(String content, String decision) {
        return (Base64URL.encode(content.getBytes(StandardCharsets.UTF_8)) + "." + decision)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Checks an ES256 signature in JOSE form (R||S, base64url) over {@code input}. */
    static boolean verifies(String publicJwk, byte[] input, String signature) {
        try {
            byte[] raw = new Base64URL(signature).decode();
            if (raw.length != 64) {
                return false;
            }
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(ECKey.parse(publicJwk).toECPublicKey());
            verifier.update(input);
            return verifier.verify(ECDSA.transcodeSignatureToDER(raw));
        } catch (GeneralSecurityException | JOSEException | ParseException | RuntimeException e) {
            return false;
        }
    }
}
