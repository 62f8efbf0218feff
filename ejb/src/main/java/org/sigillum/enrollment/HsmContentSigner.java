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
import org.sigillum.hsm.KeyCachePolicy;
import org.sigillum.hsm.SignatureScheme;
import org.sigillum.hsm.WrappedKey;

/**
 * Bouncy Castle's view of a CA key in the HSM: the to-be-signed bytes are hashed here, the hash is signed by
 * the HSM under the wrapped CA key (ECDSA with SHA-384, DER, as X.509 wants it).
 */
final class HsmContentSigner implements ContentSigner {

    private static final AlgorithmIdentifier ECDSA_SHA384 =
            new DefaultSignatureAlgorithmIdentifierFinder().find("SHA384withECDSA");

    private final HsmConnectionFactory hsm;
    private final WrappedKey key;
    private final ByteArrayOutputStream toBeSigned = new ByteArrayOutputStream();

    HsmContentSigner(HsmConnectionFactory hsm, WrappedKey key) {
        this.hsm = hsm;
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return ECDSA_SHA384;
    }

    @Override
    public OutputStream getOutputStream() {
        return toBeSigned;
    }

    @Override
    public byte[] getSignature() {
        try (HsmConnection connection = hsm.getConnection()) {
            byte[] digest = MessageDigest.getInstance("SHA-384").digest(toBeSigned.toByteArray());
            return connection.signWithServiceKey(key, new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384), List.of(digest),
                    KeyCachePolicy.NONE).get(0);
        } catch (HsmException | NoSuchAlgorithmException e) {
            throw new RuntimeOperatorException("the HSM could not sign the certificate: " + e.getMessage(), e);
        }
    }
}
