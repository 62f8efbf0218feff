package org.sigillum.validation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PDFs written object by object for the review's unit tests, and incremental updates to them. */
final class TestPdfs {

    static final String PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            + "/Resources << /Font << /F1 5 0 R >> >> %s >>";

    private TestPdfs() {
    }

    /** A one-page document showing {@code line}; {@code extraObjects} follow as objects 6, 7, …. */
    static byte[] document(String line, String pageExtra, String catalogExtra, String... extraObjects) {
        List<String> objects = new ArrayList<>(List.of("<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", String.format(PAGE, pageExtra), stream(text(line)),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        objects.addAll(List.of(extraObjects));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(out, String.format("%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** An incremental update with the objects (number to generation and body) and a correct cross-reference section. */
    static byte[] update(byte[] base, Map<int[], String> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        Map<Integer, String> entries = new TreeMap<>();
        int size = 0;
        for (Map.Entry<int[], String> object : objects.entrySet()) {
            int number = object.getKey()[0];
            int generation = object.getKey()[1];
            entries.put(number, String.format("%010d %05d n \n", out.size(), generation));
            write(out, number + " " + generation + " obj\n" + object.getValue() + "\nendobj\n");
            size = Math.max(size, number + 1);
        }
        int xref = out.size();
        StringBuilder section = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        entries.forEach((number, entry) -> section.append(number).append(" 1\n").append(entry));
        section.append("trailer\n<< /Size ").append(Math.max(size, 10)).append(" /Root 1 0 R /Prev ")
                .append(startxref(base)).append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, section.toString());
        return out.toByteArray();
    }

    static byte[] append(byte[] base, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        write(out, text);
        return out.toByteArray();
    }

    static int[] key(int number, int generation) {
        return new int[] {number, generation};
    }

    static long startxref(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("startxref");
        return Long.parseLong(text.substring(at + 9).trim().split("\\s+")[0]);
    }

    static String stream(String content) {
        return "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    static String text(String line) {
        return "BT /F1 24 Tf 72 720 Td (" + line + ") Tj ET";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
