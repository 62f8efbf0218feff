package org.sigillum.hsm;

import java.util.Arrays;
import java.util.Optional;

/**
 * Digests Sigillum signs. SHA-1 and MD5 are absent on purpose (checklist B4). The DigestInfo prefixes are the
 * fixed DER headers of RFC 8017, section 9.2, note 1.
 */
public enum DigestAlgorithm {
    SHA256("2.16.840.1.101.3.4.2.1", "SHA-256", 32, "3031300d060960864801650304020105000420"),
    SHA384("2.16.840.1.101.3.4.2.2", "SHA-384", 48, "3041300d060960864801650304020205000430"),
    SHA512("2.16.840.1.101.3.4.2.3", "SHA-512", 64, "3051300d060960864801650304020305000440");

    private final String oid;
    private final String jcaName;
    private final int length;
    private final byte[] digestInfoPrefix;

    DigestAlgorithm(String oid, String jcaName, int length, String digestInfoPrefixHex) {
        this.oid = oid;
        this.jcaName = jcaName;
        this.length = length;
        this.digestInfoPrefix = java.util.HexFormat.of().parseHex(digestInfoPrefixHex);
    }

    public String oid() {
        return oid;
    }

    public String jcaName() {
        return jcaName;
    }

    public int length() {
        return length;
    }

    /** DER DigestInfo for RSA PKCS#1 v1.5: the fixed prefix followed by the digest. */
    public byte[] digestInfo(byte[] digest) {
        byte[] out = Arrays.copyOf(digestInfoPrefix, digestInfoPrefix.length + digest.length);
        System.arraycopy(digest, 0, out, digestInfoPrefix.length, digest.length);
        return out;
    }

    public static Optional<DigestAlgorithm> byOid(String oid) {
        return Arrays.stream(values()).filter(d -> d.oid.equals(oid)).findFirst();
    }
}
