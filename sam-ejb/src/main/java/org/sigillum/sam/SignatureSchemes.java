package org.sigillum.sam;

import java.util.Optional;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.DigestAlgorithm;
import org.sigillum.hsm.SignatureScheme;

/**
 * Reads the CSC {@code signAlgo}/{@code hashAlgorithmOID} pair into the scheme the HSM applies. The hash
 * algorithm must agree with the signature algorithm (checklist A6); SHA-1 and MD5 are not known (B4).
 */
public final class SignatureSchemes {

    static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    private SignatureSchemes() {
    }

    public static SignatureScheme fromCsc(String signAlgo, String hashAlgorithmOid, String signAlgoParams)
            throws ServiceException {
        if (signAlgo == null || signAlgo.isBlank()) {
            throw invalid("signAlgo is required");
        }
        Optional<DigestAlgorithm> hash = hashAlgorithmOid == null ? Optional.empty() : DigestAlgorithm.byOid(hashAlgorithmOid);
        if (hashAlgorithmOid != null && hash.isEmpty()) {
            throw invalid("hashAlgorithmOID " + hashAlgorithmOid + " is not supported");
        }
        SignatureScheme scheme = switch (signAlgo) {
            case RSA_ENCRYPTION -> new SignatureScheme.RsaPkcs1(hash.orElseThrow(
                    () -> invalid("hashAlgorithmOID is required with signAlgo " + RSA_ENCRYPTION)));
            case "1.2.840.113549.1.1.11" -> new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA256);
            case "1.2.840.113549.1.1.12" -> new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA384);
            case "1.2.840.113549.1.1.13" -> new SignatureScheme.RsaPkcs1(DigestAlgorithm.SHA512);
            case RSASSA_PSS -> pss(hash, signAlgoParams);
            case "1.2.840.10045.4.3.2" -> new SignatureScheme.Ecdsa(DigestAlgorithm.SHA256);
            case "1.2.840.10045.4.3.3" -> new SignatureScheme.Ecdsa(DigestAlgorithm.SHA384);
            case "1.2.840.10045.4.3.4" -> new SignatureScheme.Ecdsa(DigestAlgorithm.SHA512);
            default -> throw invalid("signAlgo " + signAlgo + " is not supported");
        };
        if (hash.isPresent() && hash.get() != scheme.digest()) {
            throw invalid("hashAlgorithmOID " + hashAlgorithmOid + " does not match signAlgo " + signAlgo);
        }
        return scheme;
    }

    /** RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash, the profile ETSI and CSC expect. */
    private static SignatureScheme pss(Optional<DigestAlgorithm> hash, String signAlgoParams) throws ServiceException {
        if (signAlgoParams != null && !signAlgoParams.isBlank()) {
            throw invalid("explicit signAlgoParams for RSASSA-PSS are not accepted yet; send hashAlgorithmOID");
        }
        DigestAlgorithm digest = hash.orElseThrow(() -> invalid("hashAlgorithmOID is required with RSASSA-PSS"));
        return new SignatureScheme.RsaPss(digest, digest, digest.length());
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
