package org.sigillum.enrollment;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/**
 * Bouncy Castle's view of a server key in the HSM: the to-be-signed bytes are hashed here, the hash is signed by
 * the HSM under the wrapped key. CA and TSA keys are EC (ECDSA with SHA-384, DER, as X.509 wants it); an RSA
 * server key (the SAML service provider's, which SAML peers verify as RSA-SHA256) signs with PKCS#1 v1.5 and SHA-256.
 */
final class HsmContentSigner implements ContentSigner {

    private static final AlgorithmIdentifier ECDSA_SHA384 =
            new DefaultSignatureAlgorithmIdentifierFinder().find("SHA384withECDSA");
    private static final AlgorithmIdentifier RSA_SHA256 =
            new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSA");

    private final HsmConnectionFactory hsm;
    private final WrappedKey key;
    private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

    HsmContentSigner(HsmConnectionFactory hsm, WrappedKey key) {
        this.hsm = hsm;
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return rsa() ? RSA_SHA256 : ECDSA_SHA384;
    }

    private boolean rsa() {
        return key.spec().algorithm() == KeyAlgorithm.RSA;
    }

    @Override
    public OutputStream getOutputStream() {
        return toBeSigned;
    }

    @Override
    public byte[] getSignature() {
        try (HsmConnection connection = hsm.getConnection()) {
            byte[] digest = MessageDigest.getInstance(rsa() ? "SHA-256" : "SHA-384").digest(toBeSigned.toByteArray());
            SignatureScheme scheme = rsa() ? new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256)
                    : new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384);
            return connection.signWithServiceKey(key, scheme, List.of(digest), KeyCachePolicy.NONE).get(0);
        } catch (HsmException | NoSuchAlgorithmException e) {
            throw new RuntimeOperatorException("the HSM could not sign: " + e.getMessage(), e);
        }
    }
}
