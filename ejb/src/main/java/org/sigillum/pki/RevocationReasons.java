package org.sigillum.pki;

import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * The RFC 5280 revocation reasons an operator may give for an end-entity certificate. certificateHold is left
 * out (revocation here is final), and so are the CA and attribute-authority reasons, which do not apply.
 */
final class RevocationReasons {

    private static final Map<String, Integer> CODES = Map.of(
            "unspecified", CRLReason.unspecified,
            "keyCompromise", CRLReason.keyCompromise,
            "affiliationChanged", CRLReason.affiliationChanged,
            "superseded", CRLReason.superseded,
            "cessationOfOperation", CRLReason.cessationOfOperation,
            "privilegeWithdrawn", CRLReason.privilegeWithdrawn);

    private RevocationReasons() {
    }

    /** The code of a reason name; no name means unspecified. */
    static int code(String name) throws ServiceException {
        if (name == null) {
            return CRLReason.unspecified;
        }
        Integer code = CODES.get(name);
        if (code == null) {
            throw new ServiceException(ErrorCode.INVALID_REQUEST, "reason must be one of " + String.join(", ",
                    new java.util.TreeSet<>(CODES.keySet())));
        }
        return code;
    }

    static String name(int code) {
        return CODES.entrySet().stream().filter(e -> e.getValue() == code).map(Map.Entry::getKey).findFirst()
                .orElse("unspecified");
    }
}
