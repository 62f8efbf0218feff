package org.sigillum.hsm.adapter;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.HsmUnavailableException;

/** What JNDI hands to the application: asks WildFly's pool for a session. */
public class HsmConnectionFactoryImpl implements HsmConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final HsmManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    HsmConnectionFactoryImpl(HsmManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public HsmConnection getConnection() throws HsmException {
        try {
            return (HsmConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new HsmUnavailableException("no HSM session available: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
