package org.sigillum.hsm.adapter.token;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * Routes the PKCS#11 wrapper's own log lines into java.util.logging (the server's log) instead of standard
 * output. Its INFO lines (one per session opened) are routine for a pooled adapter, so they go to FINE.
 */
final class Pkcs11Logging implements org.xipki.pkcs11.wrapper.Logger {

    private static final Logger LOG = Logger.getLogger("org.sigillum.hsm.pkcs11");

    private Pkcs11Logging() {
    }

    static void install() {
        StaticLogger.setLogger(new Pkcs11Logging());
    }

    @Override
    public void info(String format, Object... arguments) {
        log(Level.FINE, format, arguments);
    }

    @Override
    public void warn(String format, Object... arguments) {
        log(Level.WARNING, format, arguments);
    }

    @Override
    public void error(String format, Object... arguments) {
        log(Level.SEVERE, format, arguments);
    }

    @Override
    public void debug(String format, Object... arguments) {
        log(Level.FINER, format, arguments);
    }

    @Override
    public void trace(String format, Object... arguments) {
        log(Level.FINEST, format, arguments);
    }

    @Override
    public boolean isDebugEnabled() {
        return LOG.isLoggable(Level.FINER);
    }

    @Override
    public boolean isInfoEnabled() {
        return LOG.isLoggable(Level.FINE);
    }

    @Override
    public boolean isWarnEnabled() {
        return LOG.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isTraceEnabled() {
        return LOG.isLoggable(Level.FINEST);
    }

    /** The wrapper formats like SLF4J: each {} takes the next argument. */
    private static void log(Level level, String format, Object... arguments) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        StringBuilder message = new StringBuilder();
        int argument = 0;
        int from = 0;
        int at;
        while ((at = format.indexOf("{}", from)) >= 0) {
            message.append(format, from, at).append(argument < arguments.length ? arguments[argument++] : "{}");
            from = at + 2;
        }
        message.append(format.substring(from));
        LOG.log(level, message.toString());
    }
}
