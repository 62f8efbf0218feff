package org.sigillum.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Whether a signature field that calls itself a document time-stamp is one that an LTV update may add: nothing
 * visible on the page, and a token that is an RFC 3161 time-stamp over the field's byte range, signed by the key of
 * the certificate it names. Whether that TSA is trusted is DSS's question; a few garbage bytes are not a time-stamp.
 */
final class DocTimestampCheck {

    /** Invisible (1), Hidden (2) and NoView (32): ISO 32000-1, 12.5.3. */
    private static final int NOT_SHOWN = 1 | 2 | 32;

    private DocTimestampCheck() {
    }

    /** The widget of {@code field} paints something a reader sees. */
    static boolean visible(COSDictionary field) {
        if ((field.getInt(COSName.F, 0) & NOT_SHOWN) != 0) {
            return false;
        }
        COSArray rect = field.getCOSArray(COSName.RECT);
        if (rect == null || rect.size() != 4) {
            return false;
        }
        float width = Math.abs(number(rect, 2) - number(rect, 0));
        float height = Math.abs(number(rect, 3) - number(rect, 1));
        COSDictionary appearances = field.getCOSDictionary(COSName.AP);
        return width > 0 && height > 0 && appearances != null && appearances.getItem(COSName.N) != null;
    }

    /** The field's /V holds a time-stamp token over its own byte range of {@code pdf}. */
    static boolean validToken(COSDictionary value, byte[] pdf) {
        try {
            COSArray byteRange = value.getCOSArray(COSName.BYTERANGE);
            if (!(value.getDictionaryObject(COSName.CONTENTS) instanceof COSString string) || byteRange == null
                    || byteRange.size() != 4) {
                return false;
            }
            byte[] contents = string.getBytes();
            long[] range = new long[4];
            for (int i = 0; i < 4; i++) {
                range[i] = byteRange.getObject(i) instanceof COSNumber number ? number.longValue() : -1;
            }
            ContentInfo info;
            try (ASN1InputStream in = new ASN1InputStream(contents)) {
                // the reserved /Contents is padded with zeros after the token
                info = ContentInfo.getInstance(in.readObject());
            }
            TimeStampToken token = new TimeStampToken(new CMSSignedData(info));
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build()
                    .get(token.getTimeStampInfo().getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                write(out, pdf, range[0], range[1]);
                write(out, pdf, range[2], range[3]);
            }
            if (!Arrays.equals(digest.getDigest(), token.getTimeStampInfo().getMessageImprintDigest())) {
                return false;
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> signers = token.getCertificates().getMatches(token.getSID());
            if (signers.isEmpty()) {
                return false;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signers.iterator().next()));
            return true;
        } catch (Exception e) {
            // whatever fails to parse or verify is not a time-stamp
            return false;
        }
    }

    private static void write(OutputStream out, byte[] pdf, long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > pdf.length) {
            throw new IOException("byte range outside the document");
        }
        out.write(pdf, (int) offset, (int) length);
    }

    private static float number(COSArray array, int index) {
        return array.getObject(index) instanceof COSNumber number ? number.floatValue() : 0;
    }
}
