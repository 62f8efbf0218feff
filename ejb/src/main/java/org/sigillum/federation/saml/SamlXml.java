package org.sigillum.federation.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML as the SAML relying party reads it: no DTD, no external entity or schema is ever loaded from a message
 * (the XML hardening of the documents issue), and every protocol message is validated against the SAML 2.0
 * schemas that ship with keycloak-saml-core before any field of it is read.
 */
public final class SamlXml {

    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    /** Schemas in import order, so that every import finds its namespace already loaded. */
    private static final String[] PROTOCOL_SCHEMAS = {
        "schema/w3c/xmldsig/xmldsig-core-schema.xsd",
        "schema/w3c/xmlenc/xenc-schema.xsd",
        "schema/saml/v2/saml-schema-assertion-2.0.xsd",
        "schema/saml/v2/saml-schema-protocol-2.0.xsd",
    };
    private static final Schema PROTOCOL_SCHEMA = loadSchema(PROTOCOL_SCHEMAS);
    /** Every error is fatal, and nothing is printed to the console on the way. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SamlXml() {
    }

    /** Parses a message or metadata document; a DOCTYPE anywhere is refused, not ignored. */
    public static Document parse(byte[] xml) throws SAXException, IOException {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    public static Document newDocument() {
        try {
            return hardenedFactory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** Validates a whole protocol message (Response, LogoutRequest, LogoutResponse) against the SAML schemas. */
    public static void validateProtocolMessage(Document document) throws SAXException, IOException {
        Validator validator = PROTOCOL_SCHEMA.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setErrorHandler(STRICT);
        validator.validate(new DOMSource(document));
    }

    /** The child elements of {@code parent} with this name, in document order. */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The one child with this name, or null; more than one is the caller's error to refuse. */
    public static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The element's text as one string: every text and CDATA node below it, comments skipped. Reading only the
     * first text node would let a comment that the signature ignores (exclusive C14N drops comments) cut a
     * signed NameID short.
     */
    public static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /**
     * The W3C schemas carry an internal DTD subset (entity shorthands) and name an external DTD: they are our
     * own trusted resources, so they are parsed with the internal subset but never the external one, and handed
     * over as DOM trees so that the schema factory fetches nothing.
     */
    private static Schema loadSchema(String[] resources) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Source[] sources = new Source[resources.length];
            for (int i = 0; i < resources.length; i++) {
                try (InputStream in = SamlXml.class.getClassLoader().getResourceAsStream(resources[i])) {
                    if (in == null) {
                        throw new IllegalStateException("SAML schema missing from the class path: " + resources[i]);
                    }
                    sources[i] = new DOMSource(builder.parse(in), resources[i]);
                }
            }
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return schemas.newSchema(sources);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("the SAML schemas cannot be loaded: " + e.getMessage(), e);
        }
    }
}
