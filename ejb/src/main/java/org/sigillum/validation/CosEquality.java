package org.sigillum.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * Whether an indirect object says the same in two revisions of a PDF. References compare by object key, not by what
 * they point to: an object they point to that changed is a change of its own. Streams compare by dictionary and raw
 * bytes. A writer that saves an object again unchanged (PDFBox does for every object on the path to a change) then
 * makes no change.
 */
final class CosEquality {

    private static final int MAX_DEPTH = 64;

    private CosEquality() {
    }

    static boolean same(COSBase a, COSBase b) {
        return same(a, b, Set.of());
    }

    /** The same, leaving out the named keys of a top-level dictionary (a page's /Annots, say). */
    static boolean same(COSBase a, COSBase b, Set<COSName> ignoredKeys) {
        try {
            return same(a, b, ignoredKeys, 0);
        } catch (IOException e) {
            // a stream that cannot be read in one revision is no evidence that it did not change
            return false;
        }
    }

    private static boolean same(COSBase a, COSBase b, Set<COSName> ignoredKeys, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            return false;
        }
        a = a == null ? COSNull.NULL : a;
        b = b == null ? COSNull.NULL : b;
        if (a instanceof COSObject x && b instanceof COSObject y) {
            return Objects.equals(x.getKey(), y.getKey());
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            return false;
        }
        if (a instanceof COSStream x && b instanceof COSStream y) {
            return dictionaries(x, y, Set.of(COSName.LENGTH), depth) && rawBytes(x, y);
        }
        if (a instanceof COSDictionary x && b instanceof COSDictionary y
                && !(a instanceof COSStream) && !(b instanceof COSStream)) {
            return dictionaries(x, y, ignoredKeys, depth);
        }
        if (a instanceof COSArray x && b instanceof COSArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i), Set.of(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSNumber x && b instanceof COSNumber y) {
            return x instanceof COSInteger && y instanceof COSInteger ? x.longValue() == y.longValue()
                    : Float.compare(x.floatValue(), y.floatValue()) == 0;
        }
        if (a instanceof COSString x && b instanceof COSString y) {
            return Arrays.equals(x.getBytes(), y.getBytes());
        }
        if (a instanceof COSName || a instanceof COSBoolean || a instanceof COSNull) {
            return a.equals(b);
        }
        return false;
    }

    private static boolean dictionaries(COSDictionary x, COSDictionary y, Set<COSName> ignoredKeys, int depth)
            throws IOException {
        int compared = 0;
        for (Map.Entry<COSName, COSBase> entry : x.entrySet()) {
            if (ignoredKeys.contains(entry.getKey())) {
                continue;
            }
            if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.getItem(entry.getKey()), Set.of(), depth + 1)) {
                return false;
            }
            compared++;
        }
        long others = y.keySet().stream().filter(key -> !ignoredKeys.contains(key)).count();
        return compared == others;
    }

    private static boolean rawBytes(COSStream x, COSStream y) throws IOException {
        try (InputStream first = x.createRawInputStream(); InputStream second = y.createRawInputStream()) {
            byte[] a = new byte[8192];
            byte[] b = new byte[8192];
            while (true) {
                int read = first.readNBytes(a, 0, a.length);
                int other = second.readNBytes(b, 0, b.length);
                if (read != other || !Arrays.equals(a, 0, read, b, 0, other)) {
                    return false;
                }
                if (read < a.length) {
                    return true;
                }
            }
        }
    }
}
