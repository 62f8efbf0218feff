package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.Test;

/**
 * The Document Signature API (POST /api/v1/documents/sign, multipart): visible and certifying PAdES, batches under
 * one SAD, ASiC-E and ASiC-S containers, the SAD's binding to the uploaded bytes, the size limit, and a large PDF.
 * Every signature is checked by pdfsig, openssl or the document's own digests, not by asking DSS.
 */
class DocumentApiIT {

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String EC = "{\"keyAlgo\":\"EC\",\"curve\":\"P-256\"}";
    /** Size of the large PDF: 60 MB in the normal run; bin/sigillum test --big-pdf asks for 200 MB under a 1 GiB heap. */
    private static final long LARGE_PDF_BYTES = Long.parseLong(System.getenv()
            .getOrDefault("SIGILLUM_IT_LARGE_PDF_MB", "60")) * 1_000_000L;

    private final DocumentSigner signer = DocumentSigner.create(EC);

    private ObjectNode options(String sad, String format) {
        return Sigillum.object().put("credentialID", signer.credentialId()).put("SAD", sad)
                .put("signature_format", format).put("conformance_level", "Ades-B-B").put("signAlgo", ECDSA_SHA256);
    }

    private DocumentUpload upload(Path dir) {
        return DocumentUpload.to(dir).bearer(signer.client().token);
    }

    private static Path write(Path dir, String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aVisibleSignatureOnPageOneIsValidForPdfsigAndSitsInItsRectangle() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] pdf = TestDocuments.pdf("Visible");
        ObjectNode options = options(signer.sadFor(pdf), "P");
        options.putObject("appearance").put("page", 1).put("x", 50).put("y", 60).put("width", 200).put("height", 80)
                .put("text", "Signed by {signer} on {date}");
        DocumentUpload.Answer answer = upload(dir).file(write(dir, "contract.pdf", pdf), "contract.pdf")
                .options(options).image(png(dir)).send();

        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertEquals("application/pdf", answer.contentType());
        assertTrue(answer.contentDisposition().contains("filename=\"contract-signed.pdf\""), answer.contentDisposition());
        assertPdfsigValid(dir, answer.body());
        try (PDDocument document = Loader.loadPDF(answer.body().toFile())) {
            PDAnnotation widget = signatureWidget(document);
            PDRectangle rect = widget.getRectangle();
            float pageHeight = document.getPage(0).getMediaBox().getHeight();
            // the API measures from the page's top-left corner, PDF from its bottom-left corner
            assertEquals(50, rect.getLowerLeftX(), 0.5);
            assertEquals(pageHeight - 60 - 80, rect.getLowerLeftY(), 0.5);
            assertEquals(200, rect.getWidth(), 0.5);
            assertEquals(80, rect.getHeight(), 0.5);
            assertNotNull(widget.getAppearance(), "a visible signature has an appearance stream");
        }
    }

    @Test
    void certificationLevelOneIsADocMdpSignatureThatAllowsNoChanges() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] pdf = TestDocuments.pdf("Certified");
        ObjectNode options = options(signer.sadFor(pdf), "P").put("certification", 1);
        DocumentUpload.Answer answer = upload(dir).file(write(dir, "certified.pdf", pdf), "certified.pdf")
                .options(options).send();

        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertPdfsigValid(dir, answer.body());
        try (PDDocument document = Loader.loadPDF(answer.body().toFile())) {
            COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            assertNotNull(perms, "a certified document has /Perms in its catalog");
            COSDictionary signature = perms.getCOSDictionary(COSName.DOCMDP);
            assertNotNull(signature, "/Perms names the certification signature under /DocMDP");
            COSDictionary reference = (COSDictionary) ((COSArray) signature.getDictionaryObject(COSName.REFERENCE))
                    .getObject(0);
            assertEquals("DocMDP", reference.getNameAsString(COSName.getPDFName("TransformMethod")));
            assertEquals(1, reference.getCOSDictionary(COSName.getPDFName("TransformParams")).getInt(COSName.P));
        }
    }

    @Test
    void twoDocumentsUnderOneSadComeBackAsAZipOfSignedDocuments() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] first = TestDocuments.pdf("First of two");
        byte[] second = TestDocuments.pdf("Second of two");
        DocumentUpload.Answer answer = upload(dir).file(write(dir, "first.pdf", first), "first.pdf")
                .file(write(dir, "second.pdf", second), "second.pdf")
                .options(options(signer.sadFor(first, second), "P")).send();

        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertEquals("application/zip", answer.contentType());
        Map<String, byte[]> entries = unzip(answer.body());
        assertEquals(List.of("first-signed.pdf", "second-signed.pdf"), new ArrayList<>(entries.keySet()));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            assertPdfsigValid(dir, write(dir, entry.getKey(), entry.getValue()));
        }
    }

    @Test
    void asicEWithXadesHoldsTheDocumentAndASignatureOverItsDigest() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] xml = TestDocuments.xml("ASiC-E order");
        ObjectNode options = options(signer.sadFor(xml), "X").put("container", "ASiC-E");
        DocumentUpload.Answer answer = upload(dir).file(write(dir, "order.xml", xml), "order.xml").options(options).send();

        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertEquals("application/vnd.etsi.asic-e+zip", answer.contentType());
        assertTrue(answer.contentDisposition().contains("order.xml.asice"), answer.contentDisposition());
        Map<String, byte[]> entries = unzip(answer.body());
        assertEquals("mimetype", entries.keySet().iterator().next(), "mimetype is the first entry: " + entries.keySet());
        assertEquals("application/vnd.etsi.asic-e+zip", new String(entries.get("mimetype"), StandardCharsets.US_ASCII));
        assertArrayEquals(xml, entries.get("order.xml"));
        String signature = entries.entrySet().stream().filter(e -> e.getKey().matches("META-INF/signatures.*\\.xml"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).findFirst()
                .orElseThrow(() -> new AssertionError("no XAdES signature in " + entries.keySet()));
        assertTrue(signature.contains("URI=\"order.xml\""), signature);
        assertTrue(signature.contains(Base64.getEncoder().encodeToString(Signatures.sha256(xml))),
                "the signature references the document's SHA-256: " + signature);
        assertTrue(signature.contains("SignedProperties"), signature);
    }

    @Test
    void asicSWithCadesVerifiesWithOpensslAgainstTheDocument() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] data = Signatures.randomData();
        ObjectNode options = options(signer.sadFor(data), "C").put("container", "ASiC-S");
        DocumentUpload.Answer answer = upload(dir).file(write(dir, "data.bin", data), "data.bin").options(options).send();

        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertEquals("application/vnd.etsi.asic-s+zip", answer.contentType());
        Map<String, byte[]> entries = unzip(answer.body());
        assertEquals("mimetype", entries.keySet().iterator().next(), "mimetype is the first entry: " + entries.keySet());
        assertEquals("application/vnd.etsi.asic-s+zip", new String(entries.get("mimetype"), StandardCharsets.US_ASCII));
        assertArrayEquals(data, entries.get("data.bin"));
        write(dir, "content.bin", entries.get("data.bin"));
        write(dir, "signature.p7s", entries.get("META-INF/signature.p7s"));
        ExternalTools.Run verify = ExternalTools.verifyDetachedCms(dir, "signature.p7s", "content.bin");
        assertEquals(0, verify.exit(), verify.output());
    }

    @Test
    void severalFilesInOneAsicEUnderOneXadesSignature() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] order = TestDocuments.xml("one container");
        byte[] data = Signatures.randomData();
        Map<String, byte[]> entries = oneContainer(dir, "X", Map.of("order.xml", order, "data.bin", data));

        String manifest = new String(entries.get("META-INF/manifest.xml"), StandardCharsets.UTF_8);
        List<String> signatures = entries.keySet().stream().filter(n -> n.matches("META-INF/signatures.*\\.xml")).toList();
        assertEquals(1, signatures.size(), "one signature for all files: " + entries.keySet());
        String signature = new String(entries.get(signatures.get(0)), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> file : Map.of("order.xml", order, "data.bin", data).entrySet()) {
            assertTrue(manifest.contains("manifest:full-path=\"" + file.getKey() + "\""), manifest);
            assertTrue(signature.contains("URI=\"" + file.getKey() + "\""), signature);
            assertTrue(signature.contains(Base64.getEncoder().encodeToString(Signatures.sha256(file.getValue()))),
                    "the signature references the SHA-256 of " + file.getKey());
        }
    }

    @Test
    void severalFilesInOneAsicEUnderOneCadesSignatureVerifyWithOpenssl() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        byte[] first = Signatures.randomData();
        byte[] second = TestDocuments.pdf("in a container");
        Map<String, byte[]> entries = oneContainer(dir, "C", Map.of("first.bin", first, "second.pdf", second));

        List<String> manifests = entries.keySet().stream().filter(n -> n.matches("META-INF/ASiCManifest.*\\.xml")).toList();
        List<String> signatures = entries.keySet().stream().filter(n -> n.matches("META-INF/signature.*\\.p7s")).toList();
        assertEquals(1, manifests.size(), entries.keySet().toString());
        assertEquals(1, signatures.size(), "one signature for all files: " + entries.keySet());
        String manifest = new String(entries.get(manifests.get(0)), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> file : Map.of("first.bin", first, "second.pdf", second).entrySet()) {
            assertTrue(manifest.contains("URI=\"" + file.getKey() + "\""), manifest);
            assertTrue(manifest.contains(Base64.getEncoder().encodeToString(Signatures.sha256(file.getValue()))),
                    "the ASiCManifest holds the SHA-256 of " + file.getKey());
        }
        assertTrue(manifest.contains("URI=\"" + signatures.get(0) + "\""), "the manifest names its signature: " + manifest);
        write(dir, "manifest.xml", entries.get(manifests.get(0)));
        write(dir, "signature.p7s", entries.get(signatures.get(0)));
        ExternalTools.Run verify = ExternalTools.verifyDetachedCms(dir, "signature.p7s", "manifest.xml");
        assertEquals(0, verify.exit(), verify.output());
    }

    @Test
    void oneContainerKeepsTheLimitsOnFilesNamesAndSize() throws Exception {
        Path dir = Files.createTempDirectory("sigillum-documents");
        byte[] xml = TestDocuments.xml("limits");
        Path file = write(dir, "a.xml", xml);
        ObjectNode single = options(signer.sadFor(xml, xml), "X").put("container", "ASiC-E").put("singleContainer", true);
        ApiErrors.assertError(upload(dir).file(file, "a.xml").file(file, "A.XML").options(single).send().asReply(), 400,
                "invalid_request", "two files are named");
        ApiErrors.assertError(upload(dir).file(file, "a.xml").file(file, "mimetype").options(single).send().asReply(), 400,
                "invalid_request", "cannot be named mimetype");
        ApiErrors.assertError(upload(dir).file(file, "a.xml").file(file, "b.xml")
                .options(single.deepCopy().put("container", "ASiC-S")).send().asReply(), 400, "invalid_request",
                "container must be ASiC-E");
        DocumentUpload eleven = upload(dir);
        for (int i = 0; i < 11; i++) {
            eleven.file(file, "file-" + i + ".xml");
        }
        ApiErrors.assertError(eleven.options(single).send().asReply(), 400, "invalid_request", "at most 10");
        // the container is built in memory: its files together stay within sigillum.documents.max-in-memory-bytes
        Path half = dir.resolve("half.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(half.toFile(), "rw")) {
            sparse.setLength(17L * 1024 * 1024);
        }
        ApiErrors.assertError(upload(dir).file(half, "one.bin").file(half, "two.bin").options(single).send().asReply(),
                413, "payload_too_large", "in all");
        // none of this spent the SAD; one file it was not authorized for is refused when it is
        byte[] other = TestDocuments.xml("not authorized");
        ApiErrors.assertError(upload(dir).file(file, "a.xml").file(write(dir, "b.xml", other), "b.xml").options(single)
                .send().asReply(), 403, "invalid_hash");
    }

    /**
     * Signs {@code files} into one ASiC-E container under one signature of {@code format}, checks that the validation
     * API passes it with every file in the signature's scope, and returns the container's entries, after checking
     * that they begin with the mimetype, stored, and hold each file unchanged.
     */
    private Map<String, byte[]> oneContainer(Path dir, String format, Map<String, byte[]> files) throws Exception {
        List<String> names = new ArrayList<>(files.keySet());
        ObjectNode options = options(signer.sadFor(names.stream().map(files::get).toArray(byte[][]::new)), format)
                .put("container", "ASiC-E").put("singleContainer", true);
        DocumentUpload upload = upload(dir);
        for (String name : names) {
            upload.file(write(dir, name, files.get(name)), name);
        }
        DocumentUpload.Answer answer = upload.options(options).send();

        assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
        assertEquals("application/vnd.etsi.asic-e+zip", answer.contentType());
        assertTrue(answer.contentDisposition().contains("filename=\"documents.asice\""), answer.contentDisposition());
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(answer.body()))) {
            ZipEntry first = zip.getNextEntry();
            assertEquals("mimetype", first.getName());
            assertEquals(ZipEntry.STORED, first.getMethod(), "the mimetype is stored, not compressed");
        }
        Map<String, byte[]> entries = unzip(answer.body());
        assertEquals("application/vnd.etsi.asic-e+zip", new String(entries.get("mimetype"), StandardCharsets.US_ASCII));
        for (String name : names) {
            assertArrayEquals(files.get(name), entries.get(name), name);
        }

        JsonNode validation = SignatureValidationIT.validate(Files.readAllBytes(answer.body()), null);
        assertEquals(1, validation.get("signatures").size(), validation.get("signatures").toString());
        JsonNode signature = validation.get("signatures").get(0);
        assertEquals("TOTAL_PASSED", signature.get("indication").asText(), signature.toString());
        String scope = validation.get("simpleReport").toString();
        for (String name : names) {
            assertTrue(scope.contains("\"@name\":\"" + name + "\""), "the signature covers " + name + ": " + scope);
        }
        return entries;
    }

    @Test
    void aFileTheSadWasNotAuthorizedForIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("sigillum-documents");
        String sad = signer.sadFor(TestDocuments.pdf("authorized"));
        DocumentUpload.Answer answer = upload(dir).file(write(dir, "other.pdf", TestDocuments.pdf("substituted")),
                "other.pdf").options(options(sad, "P")).send();
        ApiErrors.assertError(answer.asReply(), 403, "invalid_hash");
    }

    @Test
    void anUnreadableDocumentIsRefusedBeforeTheSadIsSpent() throws Exception {
        Path dir = Files.createTempDirectory("sigillum-documents");
        byte[] notAPdf = "this is not a PDF".getBytes(StandardCharsets.UTF_8);
        Path file = write(dir, "note.pdf", notAPdf);
        String sad = signer.sadFor(notAPdf);
        ApiErrors.assertError(upload(dir).file(file, "note.pdf").options(options(sad, "P")).send().asReply(), 400,
                "invalid_request");
        DocumentUpload.Answer signed = upload(dir).file(file, "note.pdf").options(options(sad, "C")).send();
        assertEquals(200, signed.status(), "the refused attempt left the SAD unspent");
        assertEquals("application/pkcs7-mime", signed.contentType());
    }

    @Test
    void requestsWithoutATokenOrWithBadPartsGetJsonErrors() throws Exception {
        Path dir = Files.createTempDirectory("sigillum-documents");
        byte[] pdf = TestDocuments.pdf("x");
        Path file = write(dir, "x.pdf", pdf);
        ApiErrors.assertError(DocumentUpload.to(dir).file(file, "x.pdf").options(options("sad", "P")).send().asReply(),
                401, "invalid_token");
        ApiErrors.assertError(upload(dir).file(file, "x.pdf").send().asReply(), 400, "invalid_request");
        ApiErrors.assertError(upload(dir).file(file, "x.pdf").options(options(signer.sadFor(pdf), "P")
                .put("certification", 4)).send().asReply(), 400, "invalid_request");
        ApiErrors.assertError(upload(dir).file(file, "x.pdf").options(options(signer.sadFor(pdf), "P")
                .put("container", "ASiC-E")).send().asReply(), 400, "invalid_request");
        Path bigImage = dir.resolve("big.png");
        try (RandomAccessFile image = new RandomAccessFile(bigImage.toFile(), "rw")) {
            image.setLength(2L * 1024 * 1024);
        }
        ApiErrors.assertError(upload(dir).file(file, "x.pdf").options(options(signer.sadFor(pdf), "P"))
                .image(bigImage).send().asReply(), 413, "payload_too_large");
    }

    @Test
    void d4BodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        Path dir = Files.createTempDirectory("sigillum-documents");
        Path huge = dir.resolve("huge.pdf");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(257L * 1024 * 1024);
        }
        try {
            ApiErrors.assertError(upload(dir).file(huge, "huge.pdf").options(options("sad", "P")).send().asReply(),
                    413, "payload_too_large");
        } finally {
            Files.delete(huge);
        }
    }

    @Test
    void aLargePdfIsSignedFromDiskAndVerifies() throws Exception {
        Path dir = ExternalTools.workspaceWithCaCertificates();
        Path pdf = dir.resolve("large.pdf");
        TestDocuments.largePdf(pdf, LARGE_PDF_BYTES);
        HeapPeak heap = HeapPeak.start();
        long started = System.nanoTime();
        DocumentUpload.Answer answer = upload(dir).file(pdf, "large.pdf")
                .options(options(signer.client().sad(signer.credentialId(), List.of(sha256(pdf)), CscClient.SHA256), "P"))
                .send();
        long millis = (System.nanoTime() - started) / 1_000_000;
        try {
            assertEquals(200, answer.status(), Files.readString(answer.body(), StandardCharsets.ISO_8859_1));
            assertTrue(Files.size(answer.body()) > Files.size(pdf));
            // streamed from disk to disk: the server never holds the document, not even half of it, in its heap
            String bound = heap.assertGrowthBelow(LARGE_PDF_BYTES / 2, "signing a " + LARGE_PDF_BYTES / 1_000_000 + " MB PDF");
            System.out.println("RESULT documents.large-pdf: " + Files.size(pdf) / 1_000_000 + " MB signed over HTTP in "
                    + millis + " ms; " + bound);
            assertPdfsigValid(dir, answer.body());
        } finally {
            Files.deleteIfExists(pdf);
            Files.deleteIfExists(answer.body());
        }
    }

    private static void assertPdfsigValid(Path dir, Path pdf) {
        ExternalTools.Run pdfsig = ExternalTools.run(dir, "pdfsig", pdf.toString());
        assertTrue(pdfsig.output().contains("Signature Validation: Signature is Valid."), pdfsig.output());
        assertTrue(pdfsig.output().contains("Total document signed"), pdfsig.output());
    }

    private static PDAnnotation signatureWidget(PDDocument document) throws Exception {
        for (PDAnnotation annotation : document.getPage(0).getAnnotations()) {
            if ("Widget".equals(annotation.getSubtype())
                    && "Sig".equals(annotation.getCOSObject().getNameAsString(COSName.FT))) {
                return annotation;
            }
        }
        throw new AssertionError("page 1 has no signature widget");
    }

    private static Path png(Path dir) throws Exception {
        BufferedImage image = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 40, 10);
        Path file = dir.resolve("seal.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Entries in archive order. */
    private static Map<String, byte[]> unzip(Path zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }
}
