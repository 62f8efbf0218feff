package org.sigillum.asn1;

/**
 * Measures how deeply BER/DER input nests before any parser sees it (checklist D6). Bouncy Castle parses nested
 * constructed values recursively: a few kilobytes of indefinite-length headers ({@code 30 80 30 80 …}) end in a
 * StackOverflowError, which no parser's own error handling catches. This walk is iterative and allocates nothing
 * but a stack of {@code limit} positions.
 */
public final class BerNesting {

    /** Far deeper than any certificate, CMS structure, OCSP or time-stamp request nests (they stay below 20). */
    public static final int LIMIT = 64;
    private static final int INDEFINITE = -1;

    private BerNesting() {
    }

    /**
     * True when {@code document} is DER (a CMS signature, say: it starts with a SEQUENCE) that nests too deeply.
     * PDF, XML and JSON never start with that octet, so their bytes are not walked as BER.
     */
    public static boolean tooDeepDer(byte[] document) {
        return document != null && document.length > 0 && document[0] == 0x30 && tooDeep(document);
    }

    /** True when {@code ber} nests constructed values deeper than {@link #LIMIT}. */
    public static boolean tooDeep(byte[] ber) {
        return tooDeep(ber, LIMIT);
    }

    /**
     * True when {@code ber} nests constructed values deeper than {@code limit}. Malformed input that is not too
     * deep is left to the parser to refuse.
     */
    public static boolean tooDeep(byte[] ber, int limit) {
        if (ber == null) {
            return false;
        }
        int[] ends = new int[limit];
        int depth = 0;
        int pos = 0;
        while (pos < ber.length) {
            while (depth > 0 && ends[depth - 1] != INDEFINITE && pos >= ends[depth - 1]) {
                depth--;
            }
            if (depth > 0 && ends[depth - 1] == INDEFINITE && pos + 1 < ber.length && ber[pos] == 0 && ber[pos + 1] == 0) {
                depth--;
                pos += 2;
                continue;
            }
            int first = ber[pos++] & 0xff;
            boolean constructed = (first & 0x20) != 0;
            if ((first & 0x1f) == 0x1f) {
                while (pos < ber.length && (ber[pos++] & 0x80) != 0) {
                    // skip the high tag number's octets
                }
            }
            if (pos >= ber.length) {
                return false;
            }
            int lengthOctet = ber[pos++] & 0xff;
            long length;
            if (lengthOctet == 0x80) {
                length = INDEFINITE;
            } else if (lengthOctet > 0x80) {
                int octets = lengthOctet & 0x7f;
                if (octets > 4 || pos + octets > ber.length) {
                    return false;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (ber[pos++] & 0xff);
                }
            } else {
                length = lengthOctet;
            }
            if (constructed) {
                if (depth == limit) {
                    return true;
                }
                if (length != INDEFINITE && pos + length > ber.length) {
                    return false;
                }
                ends[depth++] = length == INDEFINITE ? INDEFINITE : (int) (pos + length);
            } else {
                if (length == INDEFINITE || pos + length > ber.length) {
                    return false;
                }
                pos += (int) length;
            }
        }
        return false;
    }
}
