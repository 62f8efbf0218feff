package org.sigillum.documents;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.JWSSerializationType;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SigDMechanism;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.jades.JAdESSignatureParameters;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import java.util.Locale;
import java.util.Map;
import org.sigillum.api.error.ErrorCode;
import org.sigillum.api.error.ServiceException;

/**
 * The CSC {@code signature_format} letters and what each allows: its baseline levels and the
 * {@code signed_envelope_property} values, mapped onto DSS's levels and packagings.
 */
enum DocumentFormat {

    CADES("C", "Attached", Map.of("attached", SignaturePackaging.ENVELOPING, "detached", SignaturePackaging.DETACHED),
            SignatureLevel.CAdES_BASELINE_B, SignatureLevel.CAdES_BASELINE_T, SignatureLevel.CAdES_BASELINE_LT,
            SignatureLevel.CAdES_BASELINE_LTA),
    XADES("X", "Enveloped", Map.of("enveloped", SignaturePackaging.ENVELOPED, "enveloping", SignaturePackaging.ENVELOPING,
            "detached", SignaturePackaging.DETACHED),
            SignatureLevel.XAdES_BASELINE_B, SignatureLevel.XAdES_BASELINE_T, SignatureLevel.XAdES_BASELINE_LT,
            SignatureLevel.XAdES_BASELINE_LTA),
    PADES("P", "Revision", Map.of("revision", SignaturePackaging.ENVELOPED, "certification", SignaturePackaging.ENVELOPED),
            SignatureLevel.PAdES_BASELINE_B, SignatureLevel.PAdES_BASELINE_T, SignatureLevel.PAdES_BASELINE_LT,
            SignatureLevel.PAdES_BASELINE_LTA),
    JADES("J", "Attached", Map.of("attached", SignaturePackaging.ENVELOPING, "detached", SignaturePackaging.DETACHED),
            SignatureLevel.JAdES_BASELINE_B, SignatureLevel.JAdES_BASELINE_T, SignatureLevel.JAdES_BASELINE_LT,
            SignatureLevel.JAdES_BASELINE_LTA);

    private final String letter;
    private final String defaultEnvelope;
    private final Map<String, SignaturePackaging> packagings;
    private final SignatureLevel[] levels;

    DocumentFormat(String letter, String defaultEnvelope, Map<String, SignaturePackaging> packagings,
                   SignatureLevel... levels) {
        this.letter = letter;
        this.defaultEnvelope = defaultEnvelope;
        this.packagings = packagings;
        this.levels = levels;
    }

    static DocumentFormat of(String letter) throws ServiceException {
        for (DocumentFormat format : values()) {
            if (format.letter.equalsIgnoreCase(letter == null ? "" : letter)) {
                return format;
            }
        }
        throw invalid("signature_format must be C, X, P or J");
    }

    /** CSC conformance levels: AdES-B-B, AdES-B-T, AdES-B-LT, AdES-B-LTA (and the same without "B-"). */
    SignatureLevel level(String conformanceLevel) throws ServiceException {
        String level = conformanceLevel == null ? "ades-b-b" : conformanceLevel.toLowerCase(Locale.ROOT);
        return switch (level) {
            case "ades-b-b", "ades-b" -> levels[0];
            case "ades-b-t", "ades-t" -> levels[1];
            case "ades-b-lt", "ades-lt" -> levels[2];
            case "ades-b-lta", "ades-lta" -> levels[3];
            default -> throw invalid("conformance_level " + conformanceLevel + " is not one of AdES-B-B, AdES-B-T, "
                    + "AdES-B-LT, AdES-B-LTA");
        };
    }

    /** The format's parameters for one signed_envelope_property, with the packaging and its options set. */
    AbstractSignatureParameters<?> parameters(String envelopeProperty) throws ServiceException {
        String envelope = (envelopeProperty == null ? defaultEnvelope : envelopeProperty).toLowerCase(Locale.ROOT);
        SignaturePackaging packaging = packagings.get(envelope);
        if (packaging == null) {
            throw invalid("signed_envelope_property " + envelopeProperty + " is not available for signature_format "
                    + letter + " (use one of " + packagings.keySet() + ")");
        }
        AbstractSignatureParameters<?> parameters = switch (this) {
            case CADES -> new CAdESSignatureParameters();
            case XADES -> new XAdESSignatureParameters();
            case PADES -> pades("certification".equals(envelope));
            case JADES -> jades();
        };
        parameters.setSignaturePackaging(packaging);
        if (parameters instanceof JAdESSignatureParameters jades && packaging == SignaturePackaging.DETACHED) {
            // the signed document is named in sigD by its URI and the hash of its own bytes (b64 false: not of
            // their base64url form), so that a client's digest alone can be signed too
            jades.setSigDMechanism(SigDMechanism.OBJECT_ID_BY_URI_HASH);
            jades.setBase64UrlEncodedPayload(false);
        }
        return parameters;
    }

    /**
     * The parameters for a document known only by its hash: a detached signature beside it, or for a PDF the CMS
     * for its prepared signature dictionary (whose certification level the client has already set).
     */
    AbstractSignatureParameters<?> digestParameters(String envelopeProperty) throws ServiceException {
        String envelope = envelopeProperty == null ? null : envelopeProperty.toLowerCase(Locale.ROOT);
        if (this == PADES) {
            if (envelope != null && !"revision".equals(envelope)) {
                throw invalid("for a PDF's digest, signed_envelope_property is Revision: the client prepares the PDF");
            }
            return parameters("Revision");
        }
        if (envelope != null && !"detached".equals(envelope)) {
            throw invalid("a document's digest can only be signed Detached");
        }
        return parameters("Detached");
    }

    boolean detached(AbstractSignatureParameters<?> parameters) {
        return parameters.getSignaturePackaging() == SignaturePackaging.DETACHED;
    }

    private static PAdESSignatureParameters pades(boolean certification) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        if (certification) {
            parameters.setPermission(CertificationPermission.MINIMAL_CHANGES_PERMITTED);
        }
        return parameters;
    }

    private static JAdESSignatureParameters jades() {
        JAdESSignatureParameters parameters = new JAdESSignatureParameters();
        parameters.setJwsSerializationType(JWSSerializationType.JSON_SERIALIZATION);
        return parameters;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }
}
