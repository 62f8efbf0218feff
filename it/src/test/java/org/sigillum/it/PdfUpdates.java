package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an attacker writes after a signed PDF's last byte: an incremental update with new or replaced objects, a
 * cross-reference section naming only them, and a trailer that points back to the previous section. Any PDF reader
 * takes the last definition of an object; the signature still covers the revision it was made for.
 */
final class PdfUpdates {

    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)");
    private static final Pattern TRAILER = Pattern.compile("trailer\\s*<<(.*?)>>\\s*startxref", Pattern.DOTALL);

    private final byte[] base;
    private final Map<Integer, String> objects = new TreeMap<>();
    private Integer root;

    private PdfUpdates(byte[] base) {
        this.base = base;
    }

    static PdfUpdates to(byte[] pdf) {
        return new PdfUpdates(pdf);
    }

    /** Object {@code number} (generation 0) defined anew with {@code body}, a dictionary or a stream. */
    PdfUpdates object(int number, String body) {
        objects.put(number, body);
        return this;
    }

    /** A content stream object's body, with its length. */
    static String stream(String content) {
        return "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    /** Another catalog object as the document's root: the update then needs no object of its own. */
    PdfUpdates root(int catalog) {
        this.root = catalog;
        return this;
    }

    /** The first object number the previous revisions leave free. */
    int nextFreeNumber() {
        Matcher size = Pattern.compile("/Size\\s+(\\d+)").matcher(lastTrailer());
        assertTrue(size.find(), "the trailer has a /Size");
        return Integer.parseInt(size.group(1));
    }

    byte[] bytes() {
        String trailer = lastTrailer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        write(out, "\n");
        Map<Integer, Integer> offsets = new TreeMap<>();
        for (Map.Entry<Integer, String> object : objects.entrySet()) {
            offsets.put(object.getKey(), out.size());
            write(out, object.getKey() + " 0 obj\n" + object.getValue() + "\nendobj\n");
        }
        int xref = out.size();
        // the head of the free list first: a section holds at least one subsection, even one that adds no object
        StringBuilder section = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        offsets.forEach((number, offset) -> section.append(number).append(" 1\n").append(entry(offset)));
        int size = Math.max(nextFreeNumber(), objects.isEmpty() ? 0 : Collections.max(objects.keySet()) + 1);
        String rootReference = root != null ? root + " 0 R" : reference(trailer, "Root");
        section.append("trailer\n<< /Size ").append(size).append(" /Root ").append(rootReference).append(" /Prev ")
                .append(lastStartxref(base)).append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, section.toString());
        return out.toByteArray();
    }

    /** One 20-byte cross-reference entry of an object in use. */
    static String entry(long offset) {
        return String.format("%010d 00000 n \n", offset);
    }

    static long lastStartxref(byte[] pdf) {
        Matcher startxref = STARTXREF.matcher(latin1(pdf));
        long last = -1;
        while (startxref.find()) {
            last = Long.parseLong(startxref.group(1));
        }
        assertTrue(last >= 0, "a PDF ends with startxref");
        return last;
    }

    private String lastTrailer() {
        Matcher trailer = TRAILER.matcher(latin1(base));
        String last = null;
        while (trailer.find()) {
            last = trailer.group(1);
        }
        assertTrue(last != null, "the PDF has a trailer dictionary");
        return last;
    }

    private static String reference(String dictionary, String key) {
        Matcher reference = Pattern.compile("/" + key + "\\s+(\\d+\\s+\\d+\\s+R)").matcher(dictionary);
        assertTrue(reference.find(), "the trailer names its /" + key);
        return reference.group(1);
    }

    static String latin1(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1);
    }

    static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
