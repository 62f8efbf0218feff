package org.sigillum.csc;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sigillum.api.csc.CredentialInfo;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;
import org.sigillum.hsm.EcCurve;
import org.sigillum.hsm.KeyAlgorithm;
import org.sigillum.keys.CredentialEntity;

/** A stored credential as CSC v2 describes it. */
final class CredentialInfos {

    /** What the caller asked to see: certificates none|single|chain, certInfo, authInfo (CSC defaults). */
    record View(String certificates, boolean certInfo, boolean authInfo) {
        static View of(String certificates, Boolean certInfo, Boolean authInfo) throws ServiceException {
            String mode = certificates == null ? "single" : certificates;
            if (!List.of("none", "single", "chain").contains(mode)) {
                throw new ServiceException(ErrorCode.INVALID_REQUEST, "certificates must be none, single or chain");
            }
            return new View(mode, Boolean.TRUE.equals(certInfo), Boolean.TRUE.equals(authInfo));
        }
    }

    static final List<String> RSA_ALGORITHMS = List.of("1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11",
            "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", "1.2.840.113549.1.1.10");
    static final List<String> EC_ALGORITHMS = List.of("1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4");
    private static final CredentialInfo.AuthObject PIN_OBJECT = new CredentialInfo.AuthObject("Password", "PIN", "N",
            null, "PIN", "The signing PIN of your account");
    /** A TOTP code (RFC 6238) the user's authenticator app computes: nothing is sent out of band. */
    private static final CredentialInfo.AuthObject OTP_OBJECT = new CredentialInfo.AuthObject("Password", "OTP", "N",
            "totp", "OTP", "The 6-digit code of your authenticator app");
    private static final CredentialInfo.Auth PIN_AUTH = new CredentialInfo.Auth("explicit", "PIN", List.of(PIN_OBJECT));
    private static final CredentialInfo.Auth PIN_AND_OTP_AUTH = new CredentialInfo.Auth("explicit", "PIN AND OTP",
            List.of(PIN_OBJECT, OTP_OBJECT));
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CredentialInfos() {
    }

    /** @param otp whether the owner's signing needs a one-time code as well as the PIN */
    static CredentialInfo of(CredentialEntity credential, boolean withId, View view, List<byte[]> caChain,
                             int multisign, boolean otp) throws ServiceException {
        boolean rsa = KeyAlgorithm.valueOf(credential.keyAlgorithm()) == KeyAlgorithm.RSA;
        CredentialInfo.Key key = new CredentialInfo.Key(credential.enabled() ? "enabled" : "disabled",
                rsa ? RSA_ALGORITHMS : EC_ALGORITHMS, credential.keyLength(), rsa ? null : curveOid(credential.curve()));
        return new CredentialInfo(withId ? credential.id() : null, null, key, cert(credential, view, caChain),
                view.authInfo() ? (otp ? PIN_AND_OTP_AUTH : PIN_AUTH) : null, credential.scal(), multisign, "en");
    }

    /** CSC clients read key/curve as the curve's OID (the specification's example is 1.2.840.10045.3.1.7). */
    static String curveOid(String storedName) {
        return EcCurve.byName(storedName).map(EcCurve::oid).orElse(storedName);
    }

    private static CredentialInfo.Cert cert(CredentialEntity credential, View view, List<byte[]> caChain)
            throws ServiceException {
        byte[] der = credential.certificate();
        if (der == null) {
            return null;
        }
        X509Certificate certificate = parse(der);
        Instant now = Instant.now();
        // the specification's four values; a certificate not valid yet is, like a suspended one, unusable for now
        String status = credential.revoked() ? "revoked" : credential.suspended() ? "suspended"
                : now.isAfter(certificate.getNotAfter().toInstant()) ? "expired"
                : now.isBefore(certificate.getNotBefore().toInstant()) ? "suspended" : "valid";
        List<String> certificates = null;
        if (!view.certificates().equals("none")) {
            certificates = new ArrayList<>();
            certificates.add(Base64.getEncoder().encodeToString(der));
            if (view.certificates().equals("chain")) {
                for (byte[] ca : caChain) {
                    certificates.add(Base64.getEncoder().encodeToString(ca));
                }
            }
        }
        if (!view.certInfo()) {
            return new CredentialInfo.Cert(status, certificates, null, null, null, null, null);
        }
        return new CredentialInfo.Cert(status, certificates, certificate.getIssuerX500Principal().getName(),
                serialHex(certificate),
                certificate.getSubjectX500Principal().getName(),
                GENERALIZED_TIME.format(certificate.getNotBefore().toInstant()),
                GENERALIZED_TIME.format(certificate.getNotAfter().toInstant()));
    }

    /** The serial number as a hexadecimal integer (upper case, as in the specification's example). */
    static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    private static X509Certificate parse(byte[] der) throws ServiceException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new ServiceException(ErrorCode.SERVER_ERROR, "a stored certificate cannot be read", e);
        }
    }
}
