package org.sigillum.validation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * DSS's XML reports as JSON, element by element: attributes become {@code @name}, repeated child elements an
 * array, an element with only text its text. Namespaces are dropped: each report uses one vocabulary.
 */
final class XmlToJson {

    private XmlToJson() {
    }

    static JsonValue convert(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            return Json.createObjectBuilder().add(root.getLocalName(), value(root)).build();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("a DSS report is not well-formed XML", e);
        }
    }

    private static JsonValue value(Element element) {
        Map<String, List<Element>> children = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.computeIfAbsent(e.getLocalName(), k -> new ArrayList<>()).add(e);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        boolean plain = children.isEmpty() && significantAttributes(attributes) == 0;
        if (plain) {
            return Json.createValue(text.toString().strip());
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (!isNamespaceDeclaration(attribute)) {
                object.add("@" + attribute.getLocalName(), attribute.getNodeValue());
            }
        }
        children.forEach((name, elements) -> {
            if (elements.size() == 1) {
                object.add(name, value(elements.get(0)));
            } else {
                JsonArrayBuilder array = Json.createArrayBuilder();
                elements.forEach(e -> array.add(value(e)));
                object.add(name, array);
            }
        });
        if (!text.toString().isBlank()) {
            object.add("#text", text.toString().strip());
        }
        return object.build();
    }

    private static int significantAttributes(NamedNodeMap attributes) {
        int count = 0;
        for (int i = 0; i < attributes.getLength(); i++) {
            if (!isNamespaceDeclaration(attributes.item(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isNamespaceDeclaration(Node attribute) {
        return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI());
    }
}
