package org.sigillum.sam.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.sigillum.api.error.ServiceException;

/**
 * Hashes passwords and PINs with Argon2id (Bouncy Castle) into PHC strings
 * ({@code $argon2id$v=19$m=1024,t=1,p=1,k=hsm$salt$hash}). The secret is first peppered by an HMAC under a key
 * held in the HSM ({@code k=hsm}), so the hash is not what stands between a stolen database and the PINs: without
 * the HSM key no guess can be checked at all, and with the HSM in hand an attacker asks the HSM for HMACs at its
 * rate, whatever Argon2 costs after it. The Argon2 cost is therefore small (about a millisecond, not the 40 ms of
 * OWASP's m=19456,t=2 for unpeppered hashes); the reasoning and the rates are in docs/security.md. Verification
 * reads the parameters from the stored string, so older hashes still verify, and {@link #outdated} tells the
 * caller to store a fresh hash after a successful check.
 */
public final class SecretHasher {

    private static final int MEMORY_KIB = 1024;
    private static final int ITERATIONS = 1;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String HSM_PEPPER = "hsm";
    private static final String CURRENT_PARAMETERS =
            "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + ",k=" + HSM_PEPPER;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private SecretHasher() {
    }

    public static String hash(char[] secret, Pepper pepper) throws ServiceException {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(peppered(secret, pepper), salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$" + CURRENT_PARAMETERS + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Constant-time check of a secret against a stored PHC string; a malformed one never matches. */
    public static boolean matches(char[] secret, String stored, Pepper pepper) throws ServiceException {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            String key = null;
            for (String parameter : parts[3].split(",")) {
                String[] kv = parameter.split("=", 2);
                switch (kv[0]) {
                    case "m" -> memory = Integer.parseInt(kv[1]);
                    case "t" -> iterations = Integer.parseInt(kv[1]);
                    case "p" -> parallelism = Integer.parseInt(kv[1]);
                    case "k" -> key = kv[1];
                    default -> {
                        return false;
                    }
                }
            }
            if (!HSM_PEPPER.equals(key)) {
                return false;
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = derive(peppered(secret, pepper), salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * True when a stored hash is well-formed but made with other parameters than {@link #hash} uses now: after a
     * successful {@link #matches} the caller replaces it, so old hashes migrate as their owners sign in.
     */
    public static boolean outdated(String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        return parts.length == 6 && "argon2id".equals(parts[1]) && !CURRENT_PARAMETERS.equals(parts[3]);
    }

    private static byte[] peppered(char[] secret, Pepper pepper) throws ServiceException {
        byte[] input = new String(secret).getBytes(StandardCharsets.UTF_8);
        try {
            return pepper.apply(input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    private static byte[] derive(byte[] input, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism).build());
        byte[] out = new byte[length];
        try {
            generator.generateBytes(input, out);
            return out;
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }
}
