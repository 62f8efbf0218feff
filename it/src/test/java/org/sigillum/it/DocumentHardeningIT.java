package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Checklist D4–D6 for documents: hostile XML is refused without any outbound fetch, malformed CMS and ASN.1 give a
 * clean 400, too many documents are refused; the server stays healthy throughout.
 */
class DocumentHardeningIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";

    @Test
    void d5XmlWithDoctypeExternalEntitiesOrEntityExpansionIsRefusedWithoutFetching() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        trap.start();
        try {
            String url = "http://127.0.0.1:" + trap.getAddress().getPort() + "/xxe";
            String external = "<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY e SYSTEM \"" + url + "\">]><doc>&e;</doc>";
            String parameter = "<?xml version=\"1.0\"?><!DOCTYPE doc [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><doc/>";
            String dtd = "<?xml version=\"1.0\"?><!DOCTYPE doc SYSTEM \"" + url + "\"><doc/>";
            StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
            for (int i = 1; i <= 9; i++) {
                laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                        .append("\">");
            }
            laughs.append("]><lolz>&lol9;</lolz>");
            DocumentSigner signer = DocumentSigner.create(EC);
            for (String xml : new String[] {external, parameter, dtd, laughs.toString()}) {
                byte[] content = xml.getBytes(StandardCharsets.UTF_8);
                long started = System.nanoTime();
                Sigillum.Reply signed = signer.signDoc(signer.sadFor(content),
                        DocumentSigner.document(content, "X", "Enveloped", ECDSA_SHA256));
                ApiErrors.assertError(signed, 400, "invalid_request");
                assertTrue(System.nanoTime() - started < 10_000_000_000L, "refused quickly");
                ObjectNode validate = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(content));
                ApiErrors.assertError(Sigillum.post("/api/v1/signatures/validate", "application/json", validate.toString(),
                        Sigillum.operatorToken()), 400, "invalid_request");
            }
            assertEquals(0, fetches.get(), "the server must not fetch what a document names");
        } finally {
            trap.stop(0);
        }
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    @Test
    void d6MalformedCmsAndAsn1GetACleanError() {
        byte[][] bodies = {
            {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x01},
            {0x30, (byte) 0x80, 0x30, (byte) 0x80, 0x30, (byte) 0x80, 0x00, 0x00},
            deepNesting(5000),
            {0x30, 0x0b, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02},
        };
        for (byte[] body : bodies) {
            ObjectNode validate = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(body));
            ApiErrors.assertError(Sigillum.post("/api/v1/signatures/validate", "application/json", validate.toString(),
                    Sigillum.operatorToken()), 400, "invalid_request");
        }
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    @Test
    void d4TooManyDocumentsAreRefused() throws Exception {
        DocumentSigner signer = DocumentSigner.create(EC);
        byte[] xml = TestDocuments.xml("many");
        ObjectNode[] documents = new ObjectNode[11];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = DocumentSigner.document(xml, "X", "Enveloped", ECDSA_SHA256);
        }
        ApiErrors.assertError(signer.signDoc(signer.sadFor(xml), documents), 400, "invalid_request");
    }

    /** SEQUENCE inside SEQUENCE, {@code depth} times, with definite lengths. */
    private static byte[] deepNesting(int depth) {
        byte[] inner = {0x05, 0x00};
        for (int i = 0; i < depth; i++) {
            int length = inner.length;
            byte[] header = length < 128 ? new byte[] {0x30, (byte) length}
                    : length < 256 ? new byte[] {0x30, (byte) 0x81, (byte) length}
                    : length < 65536 ? new byte[] {0x30, (byte) 0x82, (byte) (length >> 8), (byte) length}
                    : new byte[] {0x30, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
            byte[] outer = new byte[header.length + length];
            System.arraycopy(header, 0, outer, 0, header.length);
            System.arraycopy(inner, 0, outer, header.length, length);
            inner = outer;
        }
        return inner;
    }
}
