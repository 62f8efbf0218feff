package org.sigillum.federation.saml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.sigillum.federation.saml.SamlRefusal.Reason;

/**
 * The SAML HTTP-Redirect binding: a message deflated, base64'd and URL-encoded into the query, signed over the
 * exact query octets {@code SAMLRequest|SAMLResponse, RelayState, SigAlg}. Incoming messages are checked
 * against the octets as received, never re-encoded, and only with the identity provider's pinned keys.
 */
public final class RedirectBinding {

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final Map<String, String> JCA_ALGORITHMS = Map.of(
            RSA_SHA256, "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");
    /** A deflated message that inflates beyond this is refused: a redirect carries a few kilobytes. */
    private static final int MAX_INFLATED = 64 * 1024;

    private RedirectBinding() {
    }

    /** {@code destination?SAMLRequest=…&RelayState=…&SigAlg=…&Signature=…}, signed by {@code signer}. */
    public static String signedUrl(String destination, String parameter, String xml, String relayState, MessageSigner signer) {
        StringBuilder query = new StringBuilder(parameter).append('=').append(encode(deflate(xml)));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        query.append("&SigAlg=").append(encode(signer.algorithmUri()));
        byte[] signature = signer.sign(query.toString().getBytes(StandardCharsets.US_ASCII));
        query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
        return destination + (destination.contains("?") ? '&' : '?') + query;
    }

    /**
     * Checks the signature of a redirect-bound message from the identity provider and returns its XML.
     *
     * @param rawQuery the query string exactly as it arrived (still URL-encoded)
     */
    public static String verifiedMessage(String rawQuery, String parameter, List<X509Certificate> pinned) throws SamlRefusal {
        Map<String, String> raw = rawParameters(rawQuery);
        if (raw == null) {
            throw new SamlRefusal(Reason.MALFORMED, "a SAML parameter appears twice in the query");
        }
        String message = raw.get(parameter);
        String sigAlg = raw.get("SigAlg");
        String signature = raw.get("Signature");
        if (message == null) {
            throw new SamlRefusal(Reason.MALFORMED, "no " + parameter + " in the query");
        }
        if (sigAlg == null || signature == null) {
            throw new SamlRefusal(Reason.UNSIGNED, "the " + parameter + " is not signed");
        }
        String jca = JCA_ALGORITHMS.get(decode(sigAlg));
        if (jca == null) {
            throw new SamlRefusal(Reason.BAD_SIGNATURE, "signature algorithm not allowed: " + decode(sigAlg));
        }
        StringBuilder signed = new StringBuilder(parameter).append('=').append(message);
        if (raw.containsKey("RelayState")) {
            signed.append("&RelayState=").append(raw.get("RelayState"));
        }
        signed.append("&SigAlg=").append(sigAlg);
        byte[] octets = signed.toString().getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] value = Base64.getMimeDecoder().decode(decode(signature));
            for (X509Certificate certificate : pinned) {
                Signature verifier = Signature.getInstance(jca);
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(octets);
                if (verifier.verify(value)) {
                    return inflate(Base64.getMimeDecoder().decode(decode(message)));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SamlRefusal(Reason.BAD_SIGNATURE, "the redirect signature cannot be checked: " + e.getMessage(), e);
        }
        throw new SamlRefusal(Reason.BAD_SIGNATURE, "the " + parameter + " is not signed by a pinned key of the identity provider");
    }

    /** The decoded value of one query parameter (for RelayState, which is not part of the XML). */
    public static String parameter(String rawQuery, String name) {
        Map<String, String> raw = rawParameters(rawQuery);
        String value = raw == null ? null : raw.get(name);
        return value == null ? null : decode(value);
    }

    static byte[] deflate(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflater.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String inflate(byte[] deflated) throws SamlRefusal {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(deflated), new Inflater(true))) {
            byte[] xml = in.readNBytes(MAX_INFLATED + 1);
            if (xml.length > MAX_INFLATED) {
                throw new SamlRefusal(Reason.MALFORMED, "the redirect message inflates beyond " + MAX_INFLATED + " bytes");
            }
            return new String(xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SamlRefusal(Reason.MALFORMED, "the redirect message is not deflated: " + e.getMessage(), e);
        }
    }

    private static String encode(byte[] deflated) {
        return encode(Base64.getEncoder().encodeToString(deflated));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /**
     * Parameters with their values still URL-encoded, or null when one is given twice: which of two values a
     * signature covered would be ambiguous.
     */
    private static Map<String, String> rawParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && parameters.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
                    return null;
                }
            }
        }
        return parameters;
    }
}
