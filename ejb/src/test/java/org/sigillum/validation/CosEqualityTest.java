package org.sigillum.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.Test;

class CosEqualityTest {

    private static COSDictionary page(int contents, String... annots) {
        COSDictionary page = new COSDictionary();
        page.setItem(COSName.TYPE, COSName.PAGE);
        page.setItem(COSName.CONTENTS, new COSObject(null, new COSObjectKey(contents, 0)));
        COSArray list = new COSArray();
        for (String annot : annots) {
            list.add(new COSObject(null, new COSObjectKey(Long.parseLong(annot), 0)));
        }
        page.setItem(COSName.ANNOTS, list);
        return page;
    }

    @Test
    void referencesCompareByKeyAndKeysInAnyOrder() {
        COSDictionary a = page(4);
        COSDictionary b = new COSDictionary();
        b.setItem(COSName.ANNOTS, new COSArray());
        b.setItem(COSName.CONTENTS, new COSObject(null, new COSObjectKey(4, 0)));
        b.setItem(COSName.TYPE, COSName.PAGE);
        assertTrue(CosEquality.same(a, b));
        assertFalse(CosEquality.same(page(4), page(9)));
        assertFalse(CosEquality.same(a, new COSObject(null, new COSObjectKey(4, 1))));
    }

    @Test
    void ignoredKeysAreLeftOutAtTheTopOnly() {
        assertFalse(CosEquality.same(page(4), page(4, "8")));
        assertTrue(CosEquality.same(page(4), page(4, "8"), Set.of(COSName.ANNOTS)));
    }

    @Test
    void streamsCompareByTheirBytes() throws Exception {
        assertTrue(CosEquality.same(stream("BT (Alice) Tj ET"), stream("BT (Alice) Tj ET")));
        assertFalse(CosEquality.same(stream("BT (Alice) Tj ET"), stream("BT (Mallory) Tj ET")));
        assertTrue(CosEquality.same(COSInteger.get(3), COSInteger.get(3)));
    }

    private static COSStream stream(String content) throws Exception {
        COSStream stream = new COSStream();
        try (var out = stream.createRawOutputStream()) {
            out.write(content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return stream;
    }
}
