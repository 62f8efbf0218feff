package org.sigillum.it;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * The server's token opened from the test process, as an HSM administrator holding the PIN would: to check
 * what the HSM itself enforces about Sigillum's keys, independently of the server's code.
 */
final class TestToken {

    private static PKCS11Module module;

    private TestToken() {
    }

    static synchronized Session open() throws IOException, TokenException {
        if (module == null) {
            module = PKCS11Module.getInstance(Sigillum.env("SIGILLUM_PKCS11_LIBRARY"));
            module.initialize();
        }
        String label = Sigillum.env("SIGILLUM_IT_TOKEN_LABEL");
        for (Slot slot : module.getSlotList(true)) {
            if (label.equals(slot.getToken().getTokenInfo().getLabel().strip())) {
                Session session = slot.getToken().openSession(true);
                char[] pin = Files.readString(Path.of(Sigillum.env("SIGILLUM_IT_PIN_FILE")), StandardCharsets.UTF_8)
                        .strip().toCharArray();
                try {
                    session.login(CKU_USER, pin);
                } catch (PKCS11Exception e) {
                    if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                        throw e;
                    }
                }
                return session;
            }
        }
        throw new IllegalStateException("no token labelled " + label);
    }
}
