package org.sigillum.documents;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.model.x509.revocation.crl.CRL;
import eu.europa.esig.dss.model.x509.revocation.ocsp.OCSP;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sigillum.api.csc.SignDocResponse;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * CSC {@code validationInfo}: the signer's chain and, for each certificate below the root, its OCSP response or
 * else its CRL, fetched through the same restricted sources as levels LT and LTA, so that a client that embeds the
 * signature itself (a PDF signed by its digest) can make it long-term.
 */
final class ValidationInfo {

    private ValidationInfo() {
    }

    static SignDocResponse.ValidationInfo of(List<CertificateToken> chain, CertificateVerifier verifier)
            throws ServiceException {
        Base64.Encoder base64 = Base64.getEncoder();
        List<String> certificates = new ArrayList<>();
        List<String> ocsp = new ArrayList<>();
        List<String> crl = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            CertificateToken certificate = chain.get(i);
            certificates.add(base64.encodeToString(certificate.getEncoded()));
            if (i + 1 == chain.size()) {
                continue;
            }
            CertificateToken issuer = chain.get(i + 1);
            RevocationToken<OCSP> response = verifier.getOcspSource().getRevocationToken(certificate, issuer);
            if (response != null) {
                ocsp.add(base64.encodeToString(response.getEncoded()));
                continue;
            }
            RevocationToken<CRL> list = verifier.getCrlSource().getRevocationToken(certificate, issuer);
            if (list == null) {
                throw new ServiceException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                        "no revocation information could be fetched for " + certificate.getSubject().getRFC2253());
            }
            crl.add(base64.encodeToString(list.getEncoded()));
        }
        return new SignDocResponse.ValidationInfo(ocsp, crl, certificates);
    }
}
