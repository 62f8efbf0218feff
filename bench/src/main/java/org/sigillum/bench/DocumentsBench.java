package org.sigillum.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bin/sigillum bench documents. Level B-B signing end to end over HTTP (the Document Signature API's multipart
 * upload, and CSC signDoc's base64 JSON for comparison; SADs authorized for the documents beforehand, RSA-2048
 * credential with its unwrapped key cached) against DSS signing the same documents in this JVM with an RSA-2048
 * software key, 2 threads each, in the same run.
 */
public final class DocumentsBench {

    private static final int THREADS = 2;
    private static final int MB = 1024 * 1024;

    private final InProcessDss dss = new InProcessDss();
    private final BenchSigner signer;
    private final String credential;

    private DocumentsBench() throws Exception {
        this.signer = BenchSigner.create(new BenchServer());
        this.credential = signer.credential(Map.of("keyAlgo", "RSA", "keyLength", 2048, "keyCacheSeconds", 600));
    }

    public static void main(String[] args) throws Exception {
        new DocumentsBench().run(args.length > 0 ? Integer.parseInt(args[0]) : 3);
    }

    /** One measured case; {@code multipart} sends it through the Document Signature API instead of signDoc. */
    private record Case(String name, InProcessDss.Format format, String letter, String envelope, byte[] content, int calls,
                        boolean multipart) {
    }

    private void run(int seconds) throws Exception {
        List<Case> cases = List.of(
                new Case("pades.1mb", InProcessDss.Format.PADES, "P", "Revision", BenchDocuments.pdf(MB), 40, true),
                new Case("pades.20mb", InProcessDss.Format.PADES, "P", "Revision", BenchDocuments.pdf(20 * MB), 12, true),
                new Case("xades", InProcessDss.Format.XADES, "X", "Enveloped", BenchDocuments.xml(MB), 40, true),
                new Case("cades", InProcessDss.Format.CADES, "C", "Attached", BenchDocuments.binary(MB), 40, true),
                new Case("pades.1mb.signdoc", InProcessDss.Format.PADES, "P", "Revision", BenchDocuments.pdf(MB), 40, false));
        Map<String, Double> results = new LinkedHashMap<>();
        for (Case c : cases) {
            // both sides warmed up as long as they are measured: a JIT-cold server against a warm baseline would
            // measure the compiler, not the signing
            signDocRate(c, c.calls());
            dssRate(c, c.calls());
            double ours = signDocRate(c, c.calls());
            double baseline = dssRate(c, c.calls());
            System.out.printf(Locale.ROOT, "# %s: signDoc over HTTP %.1f docs/s, DSS in-process %.1f docs/s%n", c.name(),
                    ours, baseline);
            results.put("documents." + c.name() + ".per_second", ours);
            results.put("documents." + c.name() + ".dss.per_second", baseline);
            results.put("documents." + c.name() + ".ratio", ours / baseline);
        }
        Case lta = cases.get(0);
        double ltaRate = signDocRate(lta, 20, "Ades-B-LTA");
        System.out.printf(Locale.ROOT, "# pades.1mb at B-LTA (built-in TSA and OCSP): %.1f docs/s%n", ltaRate);
        results.put("documents.pades.1mb.lta.per_second", ltaRate);
        results.put("documents.pades.1mb.lta.vs_bb.ratio", ltaRate / results.get("documents.pades.1mb.per_second"));
        ResultLines.print(results);
    }

    private double dssRate(Case c, int calls) throws Exception {
        long start = System.nanoTime();
        parallel(calls, i -> dss.sign(c.format(), c.content()));
        return calls / ((System.nanoTime() - start) / 1e9);
    }

    private double signDocRate(Case c, int calls) throws Exception {
        return signDocRate(c, calls, "Ades-B-B");
    }

    /** Documents per second of signing calls alone, each under a SAD authorized beforehand for that document. */
    private double signDocRate(Case c, int calls, String level) throws Exception {
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(c.content()));
        List<String> sads = parallel(calls, i -> signer.authorize(credential, List.of(digest)));
        String document = Base64.getEncoder().encodeToString(c.content());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(calls, i -> {
            String sad = sads.get(next.getAndIncrement());
            if (c.multipart()) {
                ObjectNode options = BenchServer.JSON.createObjectNode().put("credentialID", credential).put("SAD", sad)
                        .put("signature_format", c.letter()).put("conformance_level", level)
                        .put("signAlgo", BenchSigner.RSA_SHA256).put("signed_envelope_property", c.envelope());
                long length = signer.upload(options.toString(), c.content());
                if (length <= c.content().length) {
                    throw new IllegalStateException("the signed document is not larger than the original");
                }
                return null;
            }
            signer.signDoc(credential, sad,
                    new BenchSigner.SignDocOptions(c.letter(), level, BenchSigner.RSA_SHA256, c.envelope()), document);
            return null;
        });
        return calls / ((System.nanoTime() - start) / 1e9);
    }

    private static <T> List<T> parallel(int count, Parallel.Task<T> task) throws Exception {
        return Parallel.run(THREADS, count, task);
    }
}
