package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Checklist D2: a decompression bomb, a page tree that loops and deeply nested objects end in a clean answer
 * within bounded time, and the server stays healthy.
 */
class PdfBombsIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    private static final long BOUND_NANOS = 120_000_000_000L;
    private static final int INFLATED_MIB = 256;

    /**
     * A content stream that inflates to 256 MiB is a valid PDF: signing and validating it never need its content, so
     * both succeed, without the inflated stream ever being in the server's heap.
     */
    @Test
    void d2DecompressionBombIsSignedAndValidatedWithoutInflatingIt() throws Exception {
        byte[] bomb = TestDocuments.pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"), deflatedZeros(INFLATED_MIB));
        DocumentSigner signer = DocumentSigner.create(EC);
        HeapPeak heap = HeapPeak.start();
        long started = System.nanoTime();
        Sigillum.Reply signed = signer.signDoc(signer.sadFor(bomb), DocumentSigner.document(bomb, "P", "Revision",
                ECDSA_SHA256));
        assertTrue(System.nanoTime() - started < BOUND_NANOS, "signing took too long");
        assertEquals(200, signed.status(), signed.toString());
        byte[] document = Base64.getDecoder().decode(signed.json().get("DocumentWithSignature").get(0).asText());
        started = System.nanoTime();
        ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(document));
        Sigillum.Reply validated = Sigillum.post("/api/v1/signatures/validate", "application/json", body.toString(),
                Sigillum.operatorToken());
        assertTrue(System.nanoTime() - started < BOUND_NANOS, "validation took too long");
        assertEquals(200, validated.status(), validated.toString());
        System.out.println("RESULT d2.pdf-bomb " + heap.assertGrowthBelow(INFLATED_MIB * 1024L * 1024 / 2,
                "signing and validating a PDF whose stream inflates to " + INFLATED_MIB + " MiB"));
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    @Test
    void d2PageTreeLoopsAndDeepNestingGetACleanAnswer() throws Exception {
        byte[] loop = TestDocuments.pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"), null);
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            nested.append("[");
        }
        for (int i = 0; i < 20000; i++) {
            nested.append("]");
        }
        byte[] deep = TestDocuments.pdf(List.of("<< /Type /Catalog /Pages 2 0 R /Deep " + nested + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"), null);
        DocumentSigner signer = DocumentSigner.create(EC);
        for (byte[] hostile : new byte[][] {loop, deep}) {
            long started = System.nanoTime();
            Sigillum.Reply reply = signer.signDoc(signer.sadFor(hostile), DocumentSigner.document(hostile, "P", "Revision",
                    ECDSA_SHA256));
            assertTrue(System.nanoTime() - started < BOUND_NANOS, "took too long");
            // a page tree that is not a tree, or nesting no real document has, is a malformed PDF: refused, not signed
            ApiErrors.assertError(reply, 400, "invalid_request");
        }
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    /** MiB of zeros, deflated: a few hundred KiB that inflate to the whole. */
    private static byte[] deflatedZeros(int mib) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < mib; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }
}
