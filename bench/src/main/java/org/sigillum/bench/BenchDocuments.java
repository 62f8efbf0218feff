package org.sigillum.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Documents of a given size to sign: a PDF whose page carries that much (uncompressed) content, XML, bytes. */
final class BenchDocuments {

    private BenchDocuments() {
    }

    static byte[] pdf(int bytes) {
        StringBuilder content = new StringBuilder("BT /F1 12 Tf 72 720 Td (Benchmark) Tj ET\n");
        while (content.length() < bytes) {
            content.append("% padding to make the page content as large as the benchmark asks\n");
        }
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 1024);
        write(out, "%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(out, String.format("%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    static byte[] xml(int bytes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><records>");
        int i = 0;
        while (xml.length() < bytes) {
            xml.append("<record id=\"").append(i++).append("\">benchmark payload</record>");
        }
        return xml.append("</records>").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] binary(int bytes) {
        byte[] data = new byte[bytes];
        new java.util.Random(42).nextBytes(data);
        return data;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
