package org.sigillum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checklist B3: unwrapped user keys are session objects that do not outlive their use. Counted on the token
 * by the server's own self-test, which sees every session object of the server process.
 */
class SessionObjectsIT {

    @Test
    void b3NoSessionObjectRemainsAfterASignatureWithTheCacheOff() throws Exception {
        sign(0);
        sign(0);
        assertEquals(0, sessionObjects());
    }

    @Test
    void b3CachedKeyIsDestroyedWhenItExpires() throws Exception {
        int before = sessionObjects();
        sign(2);
        assertEquals(before + 1, sessionObjects(), "the cached unwrapped key is a session object");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sessionObjects() != before && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(before, sessionObjects(), "expired cached key still on the token");
        assertTrue(Sigillum.operatorGet("/api/v1/diagnostics/hsm/status").json().path("keyCache").path("expirations")
                .asLong() >= 1);
    }

    private static void sign(int keyCacheSeconds) throws Exception {
        ObjectNode request = Sigillum.object().put("keyAlgo", "EC").put("curve", "P-256")
                .put("signAlgo", "1.2.840.10045.4.3.2").put("keyCacheSeconds", keyCacheSeconds);
        request.withArray("hashes").add(Base64.getEncoder().encodeToString(Signatures.sha256(Signatures.randomData())));
        Sigillum.Reply reply = Sigillum.operatorPost("/api/v1/diagnostics/hsm/sign", request);
        assertEquals(200, reply.status(), reply.body());
    }

    private static int sessionObjects() {
        Sigillum.Reply reply = Sigillum.operatorGet("/api/v1/diagnostics/hsm/status");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("sessionObjects").asInt();
    }
}
