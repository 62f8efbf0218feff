package org.sigillum.hsm.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;
import org.sigillum.hsm.adapter.token.TokenSession;

/**
 * One pooled, logged-in PKCS#11 session. A fatal token error is reported to the pool as
 * CONNECTION_ERROR_OCCURRED, so WildFly destroys this connection and the next request gets a fresh session.
 */
class HsmManagedConnection implements ManagedConnection {

    /** An operation on the session that may fail the way the token fails. */
    interface SessionOperation<T> {
        T apply(TokenSession session) throws HsmException;
    }

    private final TokenSession session;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<HsmConnectionHandle> handles = new CopyOnWriteArraySet<>();
    private PrintWriter logWriter;

    HsmManagedConnection(TokenSession session) {
        this.session = session;
    }

    <T> T execute(HsmConnectionHandle handle, SessionOperation<T> operation) throws HsmException {
        try {
            return operation.apply(session);
        } catch (HsmUnavailableException e) {
            fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, handle, e);
            throw e;
        }
    }

    boolean isAlive() {
        return session.isAlive();
    }

    void handleClosed(HsmConnectionHandle handle) {
        handles.remove(handle);
        fire(ConnectionEvent.CONNECTION_CLOSED, handle, null);
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        HsmConnectionHandle handle = new HsmConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof HsmConnectionHandle handle)) {
            throw new ResourceException("not an HSM connection handle: " + connection);
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        for (HsmConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
        session.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("HSM sessions take no part in transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("HSM sessions take no part in transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new HsmConnectionMetaData();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    private void fire(int type, HsmConnectionHandle handle, Exception cause) {
        ConnectionEvent event = cause == null ? new ConnectionEvent(this, type) : new ConnectionEvent(this, type, cause);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            if (type == ConnectionEvent.CONNECTION_CLOSED) {
                listener.connectionClosed(event);
            } else {
                listener.connectionErrorOccurred(event);
            }
        }
    }
}
