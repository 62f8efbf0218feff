package org.sigillum.bench;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.sigillum.hsm.adapter.token.PinSource;
import org.sigillum.hsm.adapter.token.TokenConfig;
import org.sigillum.hsm.adapter.token.TokenContext;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * The baselines: what a plain Java program gets from the same token with the same mechanisms, one session per
 * thread, no pool, no framework. The unwrap loop uses the server's own wrapping key on the token.
 */
final class RawPkcs11Loop {

    enum KeyType {
        RSA2048("rsa2048", Map.of("keyAlgo", "RSA", "keyLength", 2048)),
        EC256("ec256", Map.of("keyAlgo", "EC", "curve", "P-256"));

        private final String id;
        private final Map<String, Object> request;

        KeyType(String id, Map<String, Object> request) {
            this.id = id;
            this.request = request;
        }

        String id() {
            return id;
        }

        Map<String, Object> request() {
            return request;
        }
    }

    private interface SignLoop {
        void signOnce(Session session) throws TokenException;
    }

    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    private static final byte[] P256 = HexFormat.of().parseHex("06082a8648ce3d030107");

    private final TokenContext token;

    static RawPkcs11Loop fromEnvironment() throws Exception {
        return new RawPkcs11Loop(BenchServer.env("SIGILLUM_PKCS11_LIBRARY"), BenchServer.env("SIGILLUM_BENCH_TOKEN_LABEL"),
                BenchServer.env("SIGILLUM_BENCH_PIN_FILE"));
    }

    /** Sessions are opened the way the adapter opens them; everything measured is plain PKCS#11. */
    RawPkcs11Loop(String library, String label, String pinFile) throws Exception {
        this.token = TokenContext.open(new TokenConfig(library, label, new PinSource("file:" + pinFile),
                "sigillum-wrap", "sigillum-bind", "sigillum-pepper", 0));
    }

    /** (a) signatures per second with a key that stays in the HSM. */
    double residentSigning(KeyType type, int threads, Duration duration) throws Exception {
        Session setup = open();
        PKCS11KeyPair pair = setup.generateKeyPair(keyGen(type), template(type, false));
        byte[] input = input(type);
        long mechanism = type == KeyType.RSA2048 ? CKM_RSA_PKCS : CKM_ECDSA;
        try {
            return measure(threads, duration, session -> session.signSingle(new Mechanism(mechanism), pair.getPrivateKey(), input));
        } finally {
            setup.destroyObject(pair.getPrivateKey());
            setup.destroyObject(pair.getPublicKey());
            setup.closeSession();
        }
    }

    /** (a') signatures per second when every signature unwraps the key, signs and destroys it. */
    double unwrapSignDestroy(KeyType type, int threads, Duration duration) throws Exception {
        Session setup = open();
        long wrappingKey = setup.findObjectsSingle(AttributeVector.newSecretKey().label("sigillum-wrap"), 1)[0];
        PKCS11KeyPair pair = setup.generateKeyPair(keyGen(type), template(type, true));
        byte[] blob = setup.wrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, pair.getPrivateKey());
        setup.destroyObject(pair.getPrivateKey());
        setup.destroyObject(pair.getPublicKey());
        byte[] input = input(type);
        long mechanism = type == KeyType.RSA2048 ? CKM_RSA_PKCS : CKM_ECDSA;
        try {
            return measure(threads, duration, session -> {
                AttributeVector unwrapTemplate = (type == KeyType.RSA2048 ? AttributeVector.newRSAPrivateKey()
                        : AttributeVector.newECPrivateKey()).token(false).private_(true).sensitive(true)
                        .extractable(false).sign(true);
                long key = session.unwrapKey(new Mechanism(CKM_AES_KEY_WRAP_PAD), wrappingKey, blob, unwrapTemplate);
                try {
                    session.signSingle(new Mechanism(mechanism), key, input);
                } finally {
                    session.destroyObject(key);
                }
            });
        } finally {
            setup.closeSession();
        }
    }

    private double measure(int threads, Duration duration, SignLoop loop) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        LongAdder count = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(executor.submit(() -> {
                    Session session = open();
                    try {
                        while (System.nanoTime() < deadline) {
                            loop.signOnce(session);
                            count.increment();
                        }
                    } finally {
                        session.closeSession();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            executor.shutdown();
        }
        return count.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private Session open() throws TokenException {
        return token.openBareSession();
    }

    private static Mechanism keyGen(KeyType type) {
        return new Mechanism(type == KeyType.RSA2048 ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN);
    }

    private static KeyPairTemplate template(KeyType type, boolean extractable) {
        AttributeVector publicKey = type == KeyType.RSA2048
                ? AttributeVector.newRSAPublicKey().modulusBits(2048).publicExponent(BigInteger.valueOf(65537))
                : AttributeVector.newECPublicKey().ecParams(P256);
        AttributeVector privateKey = type == KeyType.RSA2048 ? AttributeVector.newRSAPrivateKey() : AttributeVector.newECPrivateKey();
        publicKey.token(false).verify(true);
        privateKey.token(false).private_(true).sensitive(true).extractable(extractable).sign(true);
        return new KeyPairTemplate(privateKey, publicKey);
    }

    private static byte[] input(KeyType type) {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        if (type == KeyType.EC256) {
            return digest;
        }
        byte[] out = new byte[SHA256_DIGEST_INFO.length + digest.length];
        System.arraycopy(SHA256_DIGEST_INFO, 0, out, 0, SHA256_DIGEST_INFO.length);
        System.arraycopy(digest, 0, out, SHA256_DIGEST_INFO.length, digest.length);
        return out;
    }
}
