package org.sigillum.enrollment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import org.sigillum.api.error.ServiceException;

/**
 * Creates the built-in CA at deployment, after the schema. When two nodes start together, one of them loses
 * the race on the CA's primary key and finds the hierarchy the other created.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BuiltInCaBootstrap {

    private static final Logger LOG = Logger.getLogger(BuiltInCaBootstrap.class.getName());

    @EJB
    private BuiltInCaBean ca;

    @PostConstruct
    void initialise() {
        try {
            ca.ensureHierarchy();
        } catch (ServiceException | EJBException e) {
            if (ca.caCertificate(BuiltInCaBean.ISSUING) == null) {
                throw new IllegalStateException("the built-in CA could not be created: " + e.getMessage(), e);
            }
            LOG.info("the built-in CA was created by another node");
        }
    }
}
