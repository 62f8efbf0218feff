package org.sigillum.hsm.adapter.tool;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.adapter.token.PinSource;
import org.sigillum.hsm.adapter.token.TokenConfig;
import org.sigillum.hsm.adapter.token.TokenContext;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Creates Sigillum's long-lived token keys when they are absent: the AES-256 wrapping key, the HMAC key that
 * binds wrapped blobs to their credentials, the HMAC key that peppers PINs and passwords, and the HMAC key that
 * keys the audit chains and their anchors. All are token objects, sensitive and never extractable. The
 * quick start runs it; an operator runs it once per token at the key ceremony. Existing keys are checked,
 * never replaced: replacing the wrapping key would orphan every stored credential.
 *
 * <pre>java -cp ... org.sigillum.hsm.adapter.tool.KeyCeremony --library L --token T --pin-source env:X|file:/p
 *     [--wrapping-key-label sigillum-wrap] [--binding-key-label sigillum-bind]</pre>
 */
public final class KeyCeremony {

    private KeyCeremony() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        TokenConfig config = new TokenConfig(options.get("library"), options.get("token"),
                new PinSource(options.get("pin-source")), options.getOrDefault("wrapping-key-label", "sigillum-wrap"),
                options.getOrDefault("binding-key-label", "sigillum-bind"),
                options.getOrDefault("pepper-key-label", "sigillum-pepper"), 0);
        Session session = TokenContext.open(config).openBareSession();
        try {
            // the unwrap template makes the HSM itself refuse to unwrap a user key as extractable or as a
            // token object, whoever holds the PIN (checklist B1, B3)
            AttributeVector unwrapTemplate = new AttributeVector().token(false).sensitive(true).extractable(false);
            ensure(session, config.wrappingKeyLabel(), new Mechanism(CKM_AES_KEY_GEN),
                    AttributeVector.newAESSecretKey().valueLen(32).wrap(true).unwrap(true).encrypt(false).decrypt(false)
                            .unwrapTemplate(unwrapTemplate));
            ensure(session, config.bindingKeyLabel(), new Mechanism(CKM_GENERIC_SECRET_KEY_GEN),
                    AttributeVector.newSecretKey(CKK_GENERIC_SECRET).valueLen(32).sign(true).verify(true));
            ensure(session, config.pepperKeyLabel(), new Mechanism(CKM_GENERIC_SECRET_KEY_GEN),
                    AttributeVector.newSecretKey(CKK_GENERIC_SECRET).valueLen(32).sign(true).verify(true));
            ensure(session, HsmConnection.AUDIT_KEY_LABEL, new Mechanism(CKM_GENERIC_SECRET_KEY_GEN),
                    AttributeVector.newSecretKey(CKK_GENERIC_SECRET).valueLen(32).sign(true).verify(true));
        } finally {
            session.closeSession();
        }
    }

    private static void ensure(Session session, String label, Mechanism mechanism, AttributeVector template)
            throws TokenException {
        long[] existing = session.findObjectsSingle(AttributeVector.newSecretKey().token(true).label(label), 2);
        if (existing.length > 0) {
            AttributeVector attributes = session.getAttrValues(existing[0], CKA_SENSITIVE, CKA_EXTRACTABLE);
            if (!Boolean.TRUE.equals(attributes.sensitive()) || !Boolean.FALSE.equals(attributes.extractable())) {
                throw new IllegalStateException("key '" + label + "' exists but is extractable or not sensitive");
            }
            System.out.println("key '" + label + "' present");
            return;
        }
        template.token(true).private_(true).sensitive(true).extractable(false).label(label);
        session.generateKey(mechanism, template);
        System.out.println("key '" + label + "' created");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"library", "token", "pin-source"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return options;
    }
}
