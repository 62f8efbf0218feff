package org.sigillum.sam.sad;

import java.security.SecureRandom;
import java.util.Base64;
import org.sigillum.sam.auth.Digests;

/**
 * SAD values and their cache keys. A SAD is 256 random bits; the cache holds it under its SHA-256, so that
 * whoever reads the cache (a heap dump, a cluster peer's state transfer) learns no usable SAD.
 */
public final class SadStore {

    public static final String CACHE = "java:jboss/infinispan/cache/sigillum/sad";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SadStore() {
    }

    public static String newValue() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static String key(String value) {
        return Digests.sha256Hex(value);
    }
}
