package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.SignatureScheme;

/** The HSM's signature schemes as DSS names them. */
final class DssAlgorithms {

    private DssAlgorithms() {
    }

    static DigestAlgorithm digest(SignatureScheme scheme) {
        return DigestAlgorithm.forOID(scheme.digest().oid());
    }

    /** AdES profiles use PSS with MGF1 over the message hash and a salt as long as it; other PSS variants are refused. */
    static EncryptionAlgorithm encryption(SignatureScheme scheme) throws ServiceException {
        if (scheme instanceof SignatureScheme.RsaPkcs1) {
            return EncryptionAlgorithm.RSA;
        }
        if (scheme instanceof SignatureScheme.RsaPss pss) {
            if (pss.mgfDigest() != pss.digest() || pss.saltLength() != pss.digest().length()) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST,
                        "document signatures use RSASSA-PSS with MGF1 over the same hash and a salt of the hash's length");
            }
            return EncryptionAlgorithm.RSASSA_PSS;
        }
        return EncryptionAlgorithm.ECDSA;
    }

    static SignatureAlgorithm signature(SignatureScheme scheme) throws ServiceException {
        return SignatureAlgorithm.getAlgorithm(encryption(scheme), digest(scheme));
    }
}
