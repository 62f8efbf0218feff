package org.sigillum.hsm.adapter.token;

import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.TokenException;

/** The session objects a session holds: counted for the self-test, destroyed when no longer needed. */
final class SessionObjects {

    private SessionObjects() {
    }

    static void destroyQuietly(Session session, long handle) {
        try {
            session.destroyObject(handle);
        } catch (TokenException e) {
            // a key that cannot be destroyed died with its session; nothing else can reach it
        }
    }

    static int count(Session session) throws TokenException {
        session.findObjectsInit(new AttributeVector().token(false));
        try {
            int count = 0;
            long[] found;
            while ((found = session.findObjects(256)).length > 0) {
                count += found.length;
            }
            return count;
        } finally {
            session.findObjectsFinal();
        }
    }
}
