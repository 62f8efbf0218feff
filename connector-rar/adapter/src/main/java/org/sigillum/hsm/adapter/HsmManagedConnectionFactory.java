package org.sigillum.hsm.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.sigillum.hsm.HsmConnection;
import org.sigillum.hsm.HsmConnectionFactory;
import org.sigillum.hsm.HsmException;
import org.sigillum.hsm.adapter.token.PinSource;
import org.sigillum.hsm.adapter.token.TokenConfig;
import org.sigillum.hsm.adapter.token.TokenContext;

/** Creates one logged-in PKCS#11 session per managed connection; WildFly's pool decides how many. */
@ConnectionDefinition(connectionFactory = HsmConnectionFactory.class,
        connectionFactoryImpl = HsmConnectionFactoryImpl.class,
        connection = HsmConnection.class, connectionImpl = HsmConnectionHandle.class)
public class HsmManagedConnectionFactory
        implements ManagedConnectionFactory, ResourceAdapterAssociation, ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    @ConfigProperty(description = "Path of the PKCS#11 library")
    private String libraryPath;
    @ConfigProperty(description = "Label of the token to use")
    private String tokenLabel;
    @ConfigProperty(description = "Where the user PIN is read: env:NAME or file:/path")
    private String pinSource;
    @ConfigProperty(description = "Label of the AES wrapping key", defaultValue = "sigillum-wrap")
    private String wrappingKeyLabel = "sigillum-wrap";
    @ConfigProperty(description = "Label of the HMAC key binding wrapped blobs to credentials", defaultValue = "sigillum-bind")
    private String bindingKeyLabel = "sigillum-bind";
    @ConfigProperty(description = "Label of the HMAC key that peppers PINs and passwords", defaultValue = "sigillum-pepper")
    private String pepperKeyLabel = "sigillum-pepper";
    @ConfigProperty(description = "Most unwrapped keys kept as session objects (0 disables the cache)", defaultValue = "1000")
    private Integer keyCacheCapacity = 1000;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient TokenContext token;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new HsmConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("the HSM adapter runs only inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        try {
            return new HsmManagedConnection(tokenContext().openSession());
        } catch (HsmException e) {
            throw new ResourceAllocationException(e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ResourceException("HSM resource adapter misconfigured: " + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : connections) {
            if (candidate instanceof HsmManagedConnection connection) {
                return connection;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        Set invalid = new HashSet<>();
        for (Object candidate : connections) {
            if (candidate instanceof HsmManagedConnection connection && !connection.isAlive()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    synchronized TokenContext tokenContext() throws HsmException {
        if (token == null) {
            token = TokenContext.open(new TokenConfig(libraryPath, tokenLabel, new PinSource(pinSource), wrappingKeyLabel,
                    bindingKeyLabel, pepperKeyLabel, keyCacheCapacity));
            if (resourceAdapter instanceof HsmResourceAdapter adapter) {
                adapter.scheduleKeyCacheSweeps(token);
            }
        }
        return token;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = adapter;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    public String getLibraryPath() {
        return libraryPath;
    }

    public void setLibraryPath(String libraryPath) {
        this.libraryPath = libraryPath;
    }

    public String getTokenLabel() {
        return tokenLabel;
    }

    public void setTokenLabel(String tokenLabel) {
        this.tokenLabel = tokenLabel;
    }

    public String getPinSource() {
        return pinSource;
    }

    public void setPinSource(String pinSource) {
        this.pinSource = pinSource;
    }

    public String getWrappingKeyLabel() {
        return wrappingKeyLabel;
    }

    public void setWrappingKeyLabel(String wrappingKeyLabel) {
        this.wrappingKeyLabel = wrappingKeyLabel;
    }

    public String getBindingKeyLabel() {
        return bindingKeyLabel;
    }

    public void setBindingKeyLabel(String bindingKeyLabel) {
        this.bindingKeyLabel = bindingKeyLabel;
    }

    public String getPepperKeyLabel() {
        return pepperKeyLabel;
    }

    public void setPepperKeyLabel(String pepperKeyLabel) {
        this.pepperKeyLabel = pepperKeyLabel;
    }

    public Integer getKeyCacheCapacity() {
        return keyCacheCapacity;
    }

    public void setKeyCacheCapacity(Integer keyCacheCapacity) {
        this.keyCacheCapacity = keyCacheCapacity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HsmManagedConnectionFactory that
                && Objects.equals(libraryPath, that.libraryPath) && Objects.equals(tokenLabel, that.tokenLabel)
                && Objects.equals(pinSource, that.pinSource) && Objects.equals(wrappingKeyLabel, that.wrappingKeyLabel)
                && Objects.equals(bindingKeyLabel, that.bindingKeyLabel)
                && Objects.equals(pepperKeyLabel, that.pepperKeyLabel)
                && Objects.equals(keyCacheCapacity, that.keyCacheCapacity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(libraryPath, tokenLabel, pinSource, wrappingKeyLabel, bindingKeyLabel, pepperKeyLabel, keyCacheCapacity);
    }
}
