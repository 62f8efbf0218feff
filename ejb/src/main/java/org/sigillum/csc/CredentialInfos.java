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
    private static final CredentialInfo.AuthObject EMAIL_OTP_OBJECT = new CredentialInfo.AuthObject("PasswordOOB",
            "EMAIL_OTP", "N", null, "E-mail code", "The code sent to your e-mail address for this signature (credentials/getChallenge)");
    /** Approval on a registered device: getChallenge returns the approval's ID, which authorize presents once approved. */
    private static final CredentialInfo.AuthObject DEVICE_OBJECT = new CredentialInfo.AuthObject("ChallengeResponseOOB",
            "DEVICE", "A", null, "Approval on your device", "Approve the signature on your registered device (credentials/getChallenge)");
    private static final CredentialInfo.AuthObject SMS_OTP_OBJECT = new CredentialInfo.AuthObject("PasswordOOB",
            "SMS_OTP", "N", null, "SMS code", "The code sent to your phone by SMS for this signature (credentials/getChallenge)");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CredentialInfos() {
    }

    /** @param codes the one-time codes the owner has enrolled, any one of which completes the PIN */
    static CredentialInfo of(CredentialEntity credential, boolean withId, View view, List<byte[]> caChain,
                             int multisign, List<String> codes) throws ServiceException {
        boolean rsa = KeyAlgorithm.valueOf(credential.keyAlgorithm()) == KeyAlgorithm.RSA;
        CredentialInfo.Key key = new CredentialInfo.Key(credential.enabled() ? "enabled" : "disabled",
                rsa ? RSA_ALGORITHMS : EC_ALGORITHMS, credential.keyLength(), rsa ? null : curveOid(credential.curve()));
        return new CredentialInfo(withId ? credential.id() : null, null, key, cert(credential, view, caChain),
                view.authInfo() ? auth(codes) : null, credential.scal(), multisign, "en");
    }

    /** PIN, or PIN AND the one code enrolled, or PIN AND (any of the codes enrolled). */
    static CredentialInfo.Auth auth(List<String> codes) {
        List<CredentialInfo.AuthObject> objects = new ArrayList<>();
        objects.add(PIN_OBJECT);
        for (String code : codes) {
            objects.add(switch (code) {
                case "EMAIL_OTP" -> EMAIL_OTP_OBJECT;
                case "SMS_OTP" -> SMS_OTP_OBJECT;
                case "DEVICE" -> DEVICE_OBJECT;
                default -> OTP_OBJECT;
            });
        }
        String expression = codes.isEmpty() ? "PIN" : codes.size() == 1 ? "PIN AND " + codes.get(0)
                : "PIN AND (" + String.join(" OR ", codes) + ")";
        return new CredentialInfo.Auth("explicit", expression, objects);
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
