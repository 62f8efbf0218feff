package org.sigillum.hsm.adapter.token;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.*;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * One configured token: the loaded PKCS#11 library, the PIN source, the key labels and the unwrapped-key
 * cache that every session of this server on the token shares.
 */
public final class TokenContext {

    /** A PKCS#11 library is initialised once per process, whoever asks for it. */
    private static final Map<String, PKCS11Module> MODULES = new ConcurrentHashMap<>();

    private final TokenConfig config;
    private final PKCS11Module module;
    private final UnwrappedKeyCache keyCache;
    private static final long RESTART_INTERVAL_NANOS = 2_000_000_000L;
    private static final long RESTART_WAIT_SECONDS = 10;
    private long lastRestart;
    /** Bumped at each library restart: sessions of an older generation hold handles that may now be reused. */
    private volatile int generation;
    /**
     * Every PKCS#11 call holds the read side; a library restart takes the write side, so C_Finalize never runs
     * while another thread is inside the library (SoftHSM2 crashes the process when it does).
     */
    private final ReentrantReadWriteLock calls = new ReentrantReadWriteLock();

    private TokenContext(TokenConfig config, PKCS11Module module) {
        this.config = config;
        this.module = module;
        this.keyCache = new UnwrappedKeyCache(config.keyCacheCapacity(), Clock.systemUTC());
    }

    public static TokenContext open(TokenConfig config) throws HsmUnavailableException {
        return new TokenContext(config, loadModule(config.libraryPath()));
    }

    public TokenConfig config() {
        return config;
    }

    public UnwrappedKeyCache keyCache() {
        return keyCache;
    }

    int generation() {
        return generation;
    }

    Lock callLock() {
        return calls.readLock();
    }

    /**
     * Opens a read-write session on the token with the configured label and logs the user in. When the token
     * has gone away (device removed, token files gone, library wedged), reloads the library once and retries,
     * so that service resumes by itself when the token comes back.
     */
    public TokenSession openSession() throws HsmException {
        try {
            return tryOpenSession();
        } catch (HsmUnavailableException e) {
            if (e.getCause() instanceof TokenException cause
                    && (Pkcs11Errors.needsLibraryRestart(cause) || Pkcs11Errors.isStaleHandle(cause))
                    && restartLibraryIfDue()) {
                return tryOpenSession();
            }
            throw e;
        }
    }

    private TokenSession tryOpenSession() throws HsmException {
        Session session = null;
        calls.readLock().lock();
        try {
            session = findToken().openSession(true);
            login(session);
            long wrappingKey = findSecretKey(session, config.wrappingKeyLabel());
            long bindingKey = findSecretKey(session, config.bindingKeyLabel());
            long pepperKey = findSecretKey(session, config.pepperKeyLabel());
            // this process's view of a token that another process sharing it has written to can keep objects whose
            // handles no longer work (seen with SoftHSM2 when a second node starts): a key found but unreadable
            // is stale until the library reloads the token, which openSession then does
            for (long key : new long[] {wrappingKey, bindingKey, pepperKey}) {
                session.getAttrValues(key, CKA_CLASS);
            }
            return new TokenSession(this, session, generation, wrappingKey, bindingKey, pepperKey);
        } catch (TokenException e) {
            closeQuietly(session);
            throw new HsmUnavailableException("cannot open a session on token '" + config.tokenLabel() + "': "
                    + e.getMessage(), e);
        } catch (HsmException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        } finally {
            calls.readLock().unlock();
        }
    }

    /**
     * Finalises and re-initialises the PKCS#11 library, at most once per {@link #RESTART_INTERVAL_NANOS}. Every
     * session of this process dies with it; they were dead already, and the pool replaces them.
     */
    private synchronized boolean restartLibraryIfDue() {
        long now = System.nanoTime();
        if (lastRestart != 0 && now - lastRestart < RESTART_INTERVAL_NANOS) {
            return false;
        }
        lastRestart = now;
        try {
            if (!calls.writeLock().tryLock(RESTART_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            generation++;
            keyCache.forgetAll();
            try {
                module.finalize(null);
            } catch (TokenException e) {
                // a library that cannot finalise is initialised afresh all the same
            }
            module.initialize();
            return true;
        } catch (PKCS11Exception e) {
            return e.getErrorCode() == CKR_CRYPTOKI_ALREADY_INITIALIZED;
        } finally {
            calls.writeLock().unlock();
        }
    }

    /** Destroys expired cached keys from a short housekeeping session, opened only when there are any. */
    public void sweepKeyCache() throws HsmException {
        List<UnwrappedKeyCache.Doomed> doomed = keyCache.drainDestroyable();
        if (doomed.isEmpty()) {
            return;
        }
        try (TokenSession session = openSession()) {
            session.destroy(doomed);
        }
    }

    /** Opens a session without looking for Sigillum's keys: for the key ceremony that creates them. */
    public Session openBareSession() throws TokenException {
        calls.readLock().lock();
        try {
            Session session = findToken().openSession(true);
            login(session);
            return session;
        } finally {
            calls.readLock().unlock();
        }
    }

    private void login(Session session) throws PKCS11Exception {
        char[] pin = config.pinSource().read();
        try {
            session.login(CKU_USER, pin);
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                throw e;
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Slot IDs are not stable (SoftHSM2 makes them random): the token is found by label at every session. */
    private Token findToken() throws TokenException {
        for (Slot slot : module.getSlotList(true)) {
            Token token = slot.getToken();
            if (config.tokenLabel().equals(token.getTokenInfo().getLabel().strip())) {
                return token;
            }
        }
        throw new PKCS11Exception(CKR_TOKEN_NOT_PRESENT, "no token labelled '" + config.tokenLabel() + "'");
    }

    private static long findSecretKey(Session session, String label) throws TokenException, HsmException {
        long[] found = session.findObjectsSingle(AttributeVector.newSecretKey().token(true).label(label), 2);
        if (found.length != 1) {
            String problem = found.length == 0
                    ? "key '" + label + "' is missing on the token; run the key ceremony (bin/sigillum start does)"
                    : "key label '" + label + "' is not unique on the token";
            throw new HsmUnavailableException(problem, new PKCS11Exception(CKR_KEY_HANDLE_INVALID, problem));
        }
        return found[0];
    }

    private static PKCS11Module loadModule(String libraryPath) throws HsmUnavailableException {
        Pkcs11Logging.install();
        try {
            return MODULES.computeIfAbsent(libraryPath, path -> {
                try {
                    PKCS11Module module = PKCS11Module.getInstance(path);
                    try {
                        module.initialize();
                    } catch (PKCS11Exception e) {
                        if (e.getErrorCode() != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                            throw e;
                        }
                    }
                    return module;
                } catch (IOException | TokenException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new HsmUnavailableException("cannot load PKCS#11 library " + libraryPath, e.getCause());
        }
    }

    private static void closeQuietly(Session session) {
        if (session != null) {
            try {
                session.closeSession();
            } catch (TokenException e) {
                // nothing to release on a session that failed to open fully
            }
        }
    }
}
