package org.sigillum.enrollment;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;

/** The X.509 profiles of the built-in CA, built with Bouncy Castle. Plain Java, tested without a container. */
public final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A little back-dating, so that a relying party whose clock is slightly behind accepts a new certificate. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private Certificates() {
    }

    /** Positive serial of 128 random bits (CA/B Forum and RFC 5280 ask for at least 64). */
    static BigInteger serial() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    static X500Name caName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "EU").addRDN(BCStyle.O, "Sigillum")
                .addRDN(BCStyle.CN, commonName).build();
    }

    static X500Name userName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "EU").addRDN(BCStyle.O, "Sigillum users")
                .addRDN(BCStyle.CN, commonName).build();
    }

    static X509CertificateHolder root(X500Name name, SubjectPublicKeyInfo key, Instant now, Duration validity,
                                      ContentSigner signer) throws IOException {
        JcaX509ExtensionUtils utils = utils();
        return new X509v3CertificateBuilder(name, serial(), Date.from(now.minus(SKEW)), Date.from(now.plus(validity)),
                name, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .build(signer);
    }

    /**
     * The issuing CA, with the root's CRL distribution point and certificate URL: a validator needs the issuing
     * CA's revocation status too, and finds it in the root's CRL.
     */
    static X509CertificateHolder subCa(X509CertificateHolder issuer, X500Name name, SubjectPublicKeyInfo key,
                                       Instant now, Duration validity, String publicUrl, ContentSigner signer)
            throws IOException {
        JcaX509ExtensionUtils utils = utils();
        AuthorityInformationAccess aia = new AuthorityInformationAccess(new AccessDescription(
                AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier,
                        publicUrl + "/ca/root.crt")));
        CRLDistPoint crl = new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/crl/root.crl"))),
                null, null)});
        return new X509v3CertificateBuilder(issuer.getSubject(), serial(), Date.from(now.minus(SKEW)),
                Date.from(now.plus(validity)), name, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()))
                .addExtension(Extension.authorityInfoAccess, false, aia)
                .addExtension(Extension.cRLDistributionPoints, false, crl)
                .build(signer);
    }

    /**
     * An end-entity signing certificate: non-repudiation only, AIA (CA certificate and OCSP) and CRL
     * distribution point at this server.
     */
    static X509CertificateHolder endEntity(X509CertificateHolder issuer, X500Name name, SubjectPublicKeyInfo key,
                                           Instant now, Duration validity, String publicUrl, ContentSigner signer)
            throws IOException {
        return issuedUnder(issuer, name, key, now, validity, publicUrl)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation))
                .build(signer);
    }

    /**
     * The time-stamping authority's certificate: digital signature, and id-kp-timeStamping as its only extended
     * key usage, critical, as RFC 3161 2.3 requires. It ends no later than its issuer's.
     */
    static X509CertificateHolder timeStamping(X509CertificateHolder issuer, X500Name name, SubjectPublicKeyInfo key,
                                              Instant now, Duration validity, String publicUrl, ContentSigner signer)
            throws IOException {
        Instant issuerEnd = issuer.getNotAfter().toInstant();
        Duration capped = now.plus(validity).isAfter(issuerEnd) ? Duration.between(now, issuerEnd) : validity;
        return issuedUnder(issuer, name, key, now, capped, publicUrl)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .build(signer);
    }

    /**
     * A TLS server certificate for the quick start's HTTPS listener: digital signature, id-kp-serverAuth, and the
     * host names and addresses clients connect to as subjectAltName (RFC 6125: clients match only those).
     */
    static X509CertificateHolder tlsServer(X509CertificateHolder issuer, X500Name name, SubjectPublicKeyInfo key,
                                           GeneralNames hosts, Instant now, Duration validity, String publicUrl,
                                           ContentSigner signer) throws IOException {
        return issuedUnder(issuer, name, key, now, validity, publicUrl)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, hosts)
                .build(signer);
    }

    /** What every certificate of the issuing CA carries: identifiers, AIA, CRL distribution point. */
    private static X509v3CertificateBuilder issuedUnder(X509CertificateHolder issuer, X500Name name,
                                                        SubjectPublicKeyInfo key, Instant now, Duration validity,
                                                        String publicUrl) throws IOException {
        JcaX509ExtensionUtils utils = utils();
        AuthorityInformationAccess aia = new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/ca/issuing.crt")),
            new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/ocsp"))});
        CRLDistPoint crl = new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, publicUrl + "/crl/issuing.crl"))),
                null, null)});
        return new X509v3CertificateBuilder(issuer.getSubject(), serial(), Date.from(now.minus(SKEW)),
                Date.from(now.plus(validity)), name, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuer.getSubjectPublicKeyInfo()))
                .addExtension(Extension.authorityInfoAccess, false, aia)
                .addExtension(Extension.cRLDistributionPoints, false, crl);
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
