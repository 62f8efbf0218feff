package org.sigillum.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.sigillum.api.error.ServiceException;
import org.sigillum.documents.TimeBudget;
import org.w3c.dom.Document;

/**
 * Renders what the signer sees on the consent page (the signer's interaction component must show what will be
 * signed): a PDF's first page at screen resolution, XML pretty-printed and truncated; anything else by label, size
 * and digest only. Rendering runs under the documents' time budget with PDFBox's memory bounded, and a document
 * that cannot be rendered is shown without a preview, never refused for that alone.
 */
@ApplicationScoped
public class DocumentPreviews {

    private static final float DPI = 60;
    private static final int MAX_TEXT = 20_000;
    private static final long PDF_HEAP = 16L * 1024 * 1024;
    private static final long PDF_STORAGE = 256L * 1024 * 1024;

    @Inject
    private TimeBudget timeBudget;

    DocumentPreview preview(byte[] content) {
        try {
            String start = new String(content, 0, Math.min(content.length, 8), StandardCharsets.ISO_8859_1);
            if (start.startsWith("%PDF")) {
                return new DocumentPreview(DocumentPreview.Kind.IMAGE, timeBudget.run(() -> firstPage(content)), null,
                        content.length);
            }
            if (start.stripLeading().startsWith("<")) {
                return new DocumentPreview(DocumentPreview.Kind.TEXT, null, timeBudget.run(() -> prettyXml(content)),
                        content.length);
            }
        } catch (ServiceException | RuntimeException | StackOverflowError e) {
            return DocumentPreview.none(content.length);
        }
        return DocumentPreview.none(content.length);
    }

    private static byte[] firstPage(byte[] pdf) throws IOException {
        RandomAccessStreamCache.StreamCacheCreateFunction cache = MemoryUsageSetting.setupMixed(PDF_HEAP, PDF_STORAGE)
                .streamCache;
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null, cache)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            return png.toByteArray();
        }
    }

    /** Parsed without DTDs or external entities (checklist D5), then indented. */
    private static String prettyXml(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        TransformerFactory transformers = TransformerFactory.newInstance();
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = transformers.newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        String text = out.toString();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "\n…" : text;
    }
}
