package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Checklist D3: ASiC containers that are decompression bombs, hold too many entries or name paths outside the
 * container get a clean answer in bounded time, never an inflated gigabyte or a file written anywhere.
 */
class ContainerBombsIT {

    private static final long BOUND_NANOS = 60_000_000_000L;

    @Test
    void d3ZipBombsManyEntriesAndPathTraversalAreHandledSafely() throws Exception {
        byte[][] containers = {
            container(1, 512 * 1024 * 1024, "META-INF/signatures.p7s"),
            container(20000, 1, "META-INF/signatures.p7s"),
            container(1, 100, "../../../../tmp/sigillum-traversal"),
        };
        for (byte[] container : containers) {
            ObjectNode body = Sigillum.object().put("signedDocument", Base64.getEncoder().encodeToString(container));
            long started = System.nanoTime();
            Sigillum.Reply reply = Sigillum.post("/api/v1/signatures/validate", "application/json", body.toString(),
                    Sigillum.operatorToken());
            assertTrue(System.nanoTime() - started < BOUND_NANOS, "took too long");
            // not a container the server opens: refused with the reason, never a report on what it could not read
            ApiErrors.assertError(reply, 400, "invalid_request");
        }
        assertEquals(false, new java.io.File("/tmp/sigillum-traversal").exists(), "no entry was written out");
        assertEquals(200, Sigillum.get("/health/ready", null).status());
    }

    /** An ASiC-like ZIP: the mimetype first, then {@code entries} entries of {@code size} zero bytes each. */
    private static byte[] container(int entries, int size, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            zip.putNextEntry(mimetype);
            zip.write("application/vnd.etsi.asic-s+zip".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            byte[] zeros = new byte[Math.min(size, 1024 * 1024)];
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(entries == 1 ? name : "entry-" + i));
                for (int written = 0; written < size; written += zeros.length) {
                    zip.write(zeros, 0, Math.min(zeros.length, size - written));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
