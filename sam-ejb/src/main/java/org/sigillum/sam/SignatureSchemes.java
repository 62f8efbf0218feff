package org.sigillum.sam;

import java.io.IOException;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
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

    /**
     * RSASSA-PSS as {@code signAlgoParams} (base64 DER RSASSA-PSS-params, RFC 4055) define it, MGF1 only; without
     * them, MGF1 over the same hash and a salt as long as the hash, the profile ETSI and CSC expect.
     */
    private static SignatureScheme pss(Optional<DigestAlgorithm> hash, String signAlgoParams) throws ServiceException {
        if (signAlgoParams == null || signAlgoParams.isBlank()) {
            DigestAlgorithm digest = hash.orElseThrow(() -> invalid("hashAlgorithmOID is required with RSASSA-PSS"));
            return new SignatureScheme.RsaPss(digest, digest, digest.length());
        }
        RSASSAPSSparams params;
        AlgorithmIdentifier mgfHash;
        int salt;
        int trailer;
        try {
            params = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(Base64.getDecoder().decode(signAlgoParams)));
            if (!PKCSObjectIdentifiers.id_mgf1.equals(params.getMaskGenAlgorithm().getAlgorithm())
                    || params.getMaskGenAlgorithm().getParameters() == null) {
                throw invalid("only MGF1 is supported for RSASSA-PSS");
            }
            mgfHash = AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters());
            salt = params.getSaltLength().intValueExact();
            trailer = params.getTrailerField().intValueExact();
        } catch (IllegalArgumentException | IOException | ArithmeticException | ClassCastException e) {
            throw invalid("signAlgoParams is not a base64 DER RSASSA-PSS-params");
        }
        if (trailer != 1) {
            throw invalid("the RSASSA-PSS trailer field must be 1");
        }
        if (salt < 0 || salt > 512) {
            throw invalid("the RSASSA-PSS salt length is out of range");
        }
        DigestAlgorithm digest = digest(params.getHashAlgorithm());
        DigestAlgorithm mgfDigest = digest(mgfHash);
        if (hash.isPresent() && hash.get() != digest) {
            throw invalid("hashAlgorithmOID does not match the hash of signAlgoParams");
        }
        return new SignatureScheme.RsaPss(digest, mgfDigest, salt);
    }

    private static DigestAlgorithm digest(AlgorithmIdentifier algorithm) throws ServiceException {
        String oid = algorithm.getAlgorithm().getId();
        return DigestAlgorithm.byOid(oid).orElseThrow(() -> invalid("hash " + oid + " is not supported in signAlgoParams"));
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
