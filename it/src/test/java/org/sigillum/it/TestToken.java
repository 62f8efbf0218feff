package org.sigillum.it;

import org.sigillum.hsm.adapter.token.PinSource;
import org.sigillum.hsm.adapter.token.TokenConfig;
import org.sigillum.hsm.adapter.token.TokenContext;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * The server's token opened from the test process, as an HSM administrator holding the PIN would: to check
 * what the HSM itself enforces about Sigillum's keys. Only the session is opened with Sigillum's code; every
 * check is a plain PKCS#11 call.
 */
final class TestToken {

    private static TokenContext token;

    private TestToken() {
    }

    static synchronized Session open() throws TokenException {
        if (token == null) {
            try {
                token = TokenContext.open(new TokenConfig(Sigillum.env("SIGILLUM_PKCS11_LIBRARY"),
                        Sigillum.env("SIGILLUM_IT_TOKEN_LABEL"), new PinSource("file:" + Sigillum.env("SIGILLUM_IT_PIN_FILE")),
                        "sigillum-wrap", "sigillum-bind", "sigillum-pepper", 0));
            } catch (org.sigillum.hsm.HsmUnavailableException e) {
                throw new IllegalStateException(e);
            }
        }
        return token.openBareSession();
    }
}
