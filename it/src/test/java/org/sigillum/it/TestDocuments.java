package org.sigillum.it;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Documents to sign: PDFs built object by object (with a correct cross-reference table), XML. */
final class TestDocuments {

    private TestDocuments() {
    }

    static byte[] pdf(String text) {
        String content = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
        return pdf(List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), null);
    }

    /** The objects in order, numbered from 1, and when given a Flate-encoded stream as the next object. */
    static byte[] pdf(List<String> objects, byte[] flateStream) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        if (flateStream != null) {
            offsets.add(out.size());
            write(out, (objects.size() + 1) + " 0 obj\n<< /Length " + flateStream.length
                    + " /Filter /FlateDecode >>\nstream\n");
            out.writeBytes(flateStream);
            write(out, "\nendstream\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(out, String.format("%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /**
     * A one-page PDF of about {@code size} bytes, written straight to a file: the page carries a text and the bulk
     * is an uncompressed image XObject of noise in its resources, so a reader must really get past it.
     */
    static void largePdf(Path file, long size) throws IOException {
        int side = (int) Math.sqrt(size / 3.0);
        long imageBytes = 3L * side * side;
        String content = "BT /F1 24 Tf 72 720 Td (Large document) Tj ET";
        try (CountingOutput out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            List<Long> offsets = new ArrayList<>();
            out.text("%PDF-1.7\n");
            String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                            + "/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
                    "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
            for (int i = 0; i < objects.length; i++) {
                offsets.add(out.count);
                out.text((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
            }
            offsets.add(out.count);
            out.text("6 0 obj\n<< /Type /XObject /Subtype /Image /Width " + side + " /Height " + side
                    + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length " + imageBytes + " >>\nstream\n");
            java.util.Random noise = new java.util.Random(42);
            byte[] chunk = new byte[1 << 16];
            for (long written = 0; written < imageBytes; written += chunk.length) {
                noise.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, imageBytes - written));
            }
            out.text("\nendstream\nendobj\n");
            long xref = out.count;
            out.text("xref\n0 7\n0000000000 65535 f \n");
            for (long offset : offsets) {
                out.text(String.format("%010d 00000 n \n", offset));
            }
            out.text("trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        }
    }

    private static final class CountingOutput extends java.io.FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        void text(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    static byte[] xml(String text) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><contract><party>" + text + "</party></contract>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
