package org.sigillum.it;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.europa.esig.dss.xades.tsl.TrustedListV5SignatureParametersBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * Trusted lists as ETSI TS 119 612 (version 5) describes them, written here for the test: a list of trusted lists
 * (LOTL) pointing at national lists, a national list (TL) with one qualified CA service, each signed XAdES
 * enveloped with an RSA key of the test, with the parameters DSS prescribes for trusted lists.
 */
final class TrustedListXml {

    private static final String SCHEME = "http://uri.etsi.org/TrstSvc/TrustedList/";

    /** One pointer of a LOTL: where a territory's list is and the certificate that must have signed it. */
    record Pointer(String territory, String url, X509CertificateHolder signer) {
    }

    private TrustedListXml() {
    }

    static String lotl(int sequence, List<Pointer> pointers) throws IOException {
        StringBuilder xml = new StringBuilder();
        for (Pointer pointer : pointers) {
            xml.append("<tsl:OtherTSLPointer><tsl:ServiceDigitalIdentities><tsl:ServiceDigitalIdentity><tsl:DigitalId>")
                    .append("<tsl:X509Certificate>").append(base64(pointer.signer())).append("</tsl:X509Certificate>")
                    .append("</tsl:DigitalId></tsl:ServiceDigitalIdentity></tsl:ServiceDigitalIdentities>")
                    .append("<tsl:TSLLocation>").append(pointer.url()).append("</tsl:TSLLocation>")
                    .append("<tsl:AdditionalInformation>")
                    .append("<tsl:OtherInformation><tsl:TSLType>").append(SCHEME).append("TSLType/EUgeneric</tsl:TSLType>")
                    .append("</tsl:OtherInformation>")
                    .append("<tsl:OtherInformation><tsl:SchemeOperatorName><tsl:Name xml:lang=\"en\">Test operator ")
                    .append(pointer.territory()).append("</tsl:Name></tsl:SchemeOperatorName></tsl:OtherInformation>")
                    .append("<tsl:OtherInformation><tsl:SchemeTypeCommunityRules><tsl:URI xml:lang=\"en\">").append(SCHEME)
                    .append("schemerules/EUcommon</tsl:URI></tsl:SchemeTypeCommunityRules></tsl:OtherInformation>")
                    .append("<tsl:OtherInformation><tsl:SchemeTerritory>").append(pointer.territory())
                    .append("</tsl:SchemeTerritory></tsl:OtherInformation>")
                    .append("<tsl:OtherInformation><tslx:MimeType>application/vnd.etsi.tsl+xml</tslx:MimeType>")
                    .append("</tsl:OtherInformation></tsl:AdditionalInformation></tsl:OtherTSLPointer>");
        }
        return list(sequence, "EUlistofthelists", "EU", "EUlistofthelists", "EUlistofthelists",
                "<tsl:PointersToOtherTSL>" + xml + "</tsl:PointersToOtherTSL>", "");
    }

    /** A territory's list naming one CA/QC service, granted since yesterday, whose certificate is {@code ca}. */
    static String tl(int sequence, String territory, String providerName, X509CertificateHolder ca) throws IOException {
        String since = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String providers = "<tsl:TrustServiceProviderList><tsl:TrustServiceProvider><tsl:TSPInformation>"
                + "<tsl:TSPName><tsl:Name xml:lang=\"en\">" + providerName + "</tsl:Name></tsl:TSPName>"
                + "<tsl:TSPAddress>" + address() + "</tsl:TSPAddress>"
                + "<tsl:TSPInformationURI><tsl:URI xml:lang=\"en\">https://qtsp.example/</tsl:URI></tsl:TSPInformationURI>"
                + "</tsl:TSPInformation><tsl:TSPServices><tsl:TSPService><tsl:ServiceInformation>"
                + "<tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>"
                + "<tsl:ServiceName><tsl:Name xml:lang=\"en\">" + providerName + " CA</tsl:Name></tsl:ServiceName>"
                + "<tsl:ServiceDigitalIdentity><tsl:DigitalId><tsl:X509Certificate>" + base64(ca)
                + "</tsl:X509Certificate></tsl:DigitalId></tsl:ServiceDigitalIdentity>"
                + "<tsl:ServiceStatus>" + SCHEME + "Svcstatus/granted</tsl:ServiceStatus>"
                + "<tsl:StatusStartingTime>" + since + "</tsl:StatusStartingTime>"
                + "</tsl:ServiceInformation></tsl:TSPService></tsl:TSPServices></tsl:TrustServiceProvider>"
                + "</tsl:TrustServiceProviderList>";
        return list(sequence, "EUgeneric", territory, "EUappropriate", "EUcommon", "", providers);
    }

    /** {@code xml} signed XAdES enveloped by {@code keys}, whose certificate is {@code certificate}. */
    static byte[] sign(String xml, KeyPair keys, X509CertificateHolder certificate) throws Exception {
        DSSDocument document = new InMemoryDocument(xml.getBytes(StandardCharsets.UTF_8), "tl.xml");
        X509Certificate x509 = new JcaX509CertificateConverter().getCertificate(certificate);
        XAdESSignatureParameters parameters = new TrustedListV5SignatureParametersBuilder(new CertificateToken(x509),
                document).setDigestAlgorithm(DigestAlgorithm.SHA256).build();
        XAdESService service = new XAdESService(new CommonCertificateVerifier());
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(toBeSigned.getBytes());
        DSSDocument signed = service.signDocument(document, parameters,
                new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign()));
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        }
    }

    private static String list(int sequence, String type, String territory, String determination, String rules,
                               String pointers, String providers) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<tsl:TrustServiceStatusList xmlns:tsl=\"http://uri.etsi.org/02231/v2#\""
                + " xmlns:tslx=\"http://uri.etsi.org/02231/v2/additionaltypes#\" Id=\"TrustServiceStatusList\""
                + " TSLTag=\"http://uri.etsi.org/19612/TSLTag\"><tsl:SchemeInformation>"
                + "<tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier>"
                + "<tsl:TSLSequenceNumber>" + sequence + "</tsl:TSLSequenceNumber>"
                + "<tsl:TSLType>" + SCHEME + "TSLType/" + type + "</tsl:TSLType>"
                + "<tsl:SchemeOperatorName><tsl:Name xml:lang=\"en\">Sigillum test operator " + territory
                + "</tsl:Name></tsl:SchemeOperatorName>"
                + "<tsl:SchemeOperatorAddress>" + address() + "</tsl:SchemeOperatorAddress>"
                + "<tsl:SchemeName><tsl:Name xml:lang=\"en\">" + territory + ":Sigillum test list</tsl:Name></tsl:SchemeName>"
                + "<tsl:SchemeInformationURI><tsl:URI xml:lang=\"en\">https://tl.example/" + territory
                + "</tsl:URI></tsl:SchemeInformationURI>"
                + "<tsl:StatusDeterminationApproach>" + SCHEME + "StatusDetn/" + determination
                + "</tsl:StatusDeterminationApproach>"
                + "<tsl:SchemeTypeCommunityRules><tsl:URI xml:lang=\"en\">" + SCHEME + "schemerules/" + rules
                + "</tsl:URI></tsl:SchemeTypeCommunityRules>"
                + "<tsl:SchemeTerritory>" + territory + "</tsl:SchemeTerritory>"
                + "<tsl:PolicyOrLegalNotice><tsl:TSLLegalNotice xml:lang=\"en\">For tests only.</tsl:TSLLegalNotice>"
                + "</tsl:PolicyOrLegalNotice><tsl:HistoricalInformationPeriod>65535</tsl:HistoricalInformationPeriod>"
                + pointers
                + "<tsl:ListIssueDateTime>" + now.minus(1, ChronoUnit.HOURS) + "</tsl:ListIssueDateTime>"
                + "<tsl:NextUpdate><tsl:dateTime>" + now.plus(30, ChronoUnit.DAYS) + "</tsl:dateTime></tsl:NextUpdate>"
                + "</tsl:SchemeInformation>" + providers + "</tsl:TrustServiceStatusList>";
    }

    private static String address() {
        return "<tsl:PostalAddresses><tsl:PostalAddress xml:lang=\"en\"><tsl:StreetAddress>1 Test Street</tsl:StreetAddress>"
                + "<tsl:Locality>Testville</tsl:Locality><tsl:CountryName>EU</tsl:CountryName></tsl:PostalAddress>"
                + "</tsl:PostalAddresses><tsl:ElectronicAddress><tsl:URI xml:lang=\"en\">mailto:tl@example.org</tsl:URI>"
                + "</tsl:ElectronicAddress>";
    }

    private static String base64(X509CertificateHolder certificate) throws IOException {
        return Base64.getEncoder().encodeToString(certificate.getEncoded());
    }
}
