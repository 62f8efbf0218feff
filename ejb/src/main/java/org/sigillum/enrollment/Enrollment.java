package org.sigillum.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Finds the CA connector that {@code sigillum.ca.connector} names among those deployed. */
@ApplicationScoped
public class Enrollment {

    @Inject
    @Any
    Instance<CaConnector> connectors;

    @Inject
    @ConfigProperty(name = "sigillum.ca.connector", defaultValue = BuiltInCaBean.ID)
    String connectorId;

    public CaConnector connector() {
        for (CaConnector connector : connectors) {
            if (connector.id().equals(connectorId)) {
                return connector;
            }
        }
        throw new IllegalStateException("no CA connector with id '" + connectorId + "' is deployed");
    }
}
