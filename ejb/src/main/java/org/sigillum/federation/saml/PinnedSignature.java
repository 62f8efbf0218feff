package org.sigillum.federation.saml;

import java.security.cert.X509Certificate;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.NodeSetData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.sigillum.federation.saml.SamlRefusal.Reason;
import org.w3c.dom.Element;

/**
 * Checks the enveloped signature of one SAML element (an Assertion or a Response) with the identity
 * provider's pinned keys only: the validation key is given to the XML-DSig engine directly, so a key or
 * certificate in the signature's KeyInfo is never looked at. The signature must cover exactly this element
 * (one reference, to its own ID) and nothing else, which is what defeats signature wrapping: a valid
 * signature over another element, moved elsewhere in the message, does not count for this one.
 */
final class PinnedSignature {

    private static final Set<String> ALLOWED_TRANSFORMS =
            Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);
    private static final Set<String> ALLOWED_CANONICALIZATION =
            Set.of(CanonicalizationMethod.EXCLUSIVE, CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

    private PinnedSignature() {
    }

    /** True if the element carries a signature of its own (a ds:Signature child). */
    static boolean isSigned(Element element) {
        return !SamlXml.children(element, SamlXml.DSIG, "Signature").isEmpty();
    }

    /**
     * Verifies the element's own signature with one of the pinned certificates' keys. The caller has checked
     * that no other element of the document carries the same ID.
     */
    static void verify(Element signed, List<X509Certificate> pinned) throws SamlRefusal {
        List<Element> signatures = SamlXml.children(signed, SamlXml.DSIG, "Signature");
        if (signatures.isEmpty()) {
            throw new SamlRefusal(Reason.UNSIGNED, signed.getLocalName() + " is not signed");
        }
        if (signatures.size() > 1) {
            throw new SamlRefusal(Reason.WRAPPING, signed.getLocalName() + " carries more than one signature");
        }
        String id = signed.getAttribute("ID");
        if (id.isEmpty()) {
            throw new SamlRefusal(Reason.WRAPPING, signed.getLocalName() + " has no ID to sign");
        }
        signed.setIdAttributeNS(null, "ID", true);
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        for (X509Certificate certificate : pinned) {
            DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signatures.get(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            context.setProperty("javax.xml.crypto.dsig.cacheReference", Boolean.TRUE);
            try {
                XMLSignature signature = factory.unmarshalXMLSignature(context);
                Reference reference = onlyReferenceTo(signature, id, signed.getLocalName());
                if (signature.validate(context)) {
                    if (!covers(reference, signed)) {
                        throw new SamlRefusal(Reason.WRAPPING, "the signature does not cover the " + signed.getLocalName());
                    }
                    return;
                }
            } catch (MarshalException | XMLSignatureException | ClassCastException e) {
                throw new SamlRefusal(Reason.BAD_SIGNATURE, "the " + signed.getLocalName() + "'s signature cannot be read: "
                        + e.getMessage(), e);
            }
        }
        throw new SamlRefusal(Reason.BAD_SIGNATURE,
                "the " + signed.getLocalName() + " is not signed by a key pinned from the identity provider's metadata");
    }

    private static Reference onlyReferenceTo(XMLSignature signature, String id, String what) throws SamlRefusal {
        String canonicalization = signature.getSignedInfo().getCanonicalizationMethod().getAlgorithm();
        if (!ALLOWED_CANONICALIZATION.contains(canonicalization)) {
            throw new SamlRefusal(Reason.BAD_SIGNATURE, "canonicalization not allowed: " + canonicalization);
        }
        List<?> references = signature.getSignedInfo().getReferences();
        if (references.size() != 1) {
            throw new SamlRefusal(Reason.WRAPPING, "the " + what + "'s signature has " + references.size() + " references");
        }
        Reference reference = (Reference) references.get(0);
        if (!("#" + id).equals(reference.getURI())) {
            throw new SamlRefusal(Reason.WRAPPING, "the " + what + "'s signature references " + reference.getURI()
                    + ", not the " + what + " itself");
        }
        for (Object transform : reference.getTransforms()) {
            String algorithm = ((Transform) transform).getAlgorithm();
            if (!ALLOWED_TRANSFORMS.contains(algorithm)) {
                throw new SamlRefusal(Reason.BAD_SIGNATURE, "transform not allowed: " + algorithm);
            }
        }
        return reference;
    }

    /** The node set that was digested holds this very element, not a copy with the same ID elsewhere. */
    private static boolean covers(Reference reference, Element signed) {
        if (!(reference.getDereferencedData() instanceof NodeSetData<?> nodes)) {
            return false;
        }
        for (Iterator<?> iterator = nodes.iterator(); iterator.hasNext(); ) {
            if (iterator.next() == signed) {
                return true;
            }
        }
        return false;
    }
}
