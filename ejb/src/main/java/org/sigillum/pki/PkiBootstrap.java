package org.sigillum.pki;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;
import org.sigillum.api.error.ServiceException;
import org.sigillum.enrollment.BuiltInCaBean;

/**
 * Completes the built-in PKI at deployment, after the CA: the TSA key and certificate, the register entries of
 * certificates issued before the register existed, and a first CRL for each CA. When two nodes start
 * together, the one that loses a race on a primary key finds what the other created.
 */
@Singleton
@Startup
@DependsOn("BuiltInCaBootstrap")
public class PkiBootstrap {

    private static final Logger LOG = Logger.getLogger(PkiBootstrap.class.getName());

    @EJB
    private BuiltInCaBean ca;
    @EJB
    private CertificateRegisterBean register;
    @EJB
    private CrlPublisherBean crls;

    @PostConstruct
    void initialise() {
        try {
            ca.ensureTimeStampingKey();
            for (String name : new String[] {BuiltInCaBean.ROOT, BuiltInCaBean.ISSUING}) {
                crls.ensurePublished(name);
            }
            int entered = register.registerEarlierCertificates(ca.key(BuiltInCaBean.ISSUING).certificate());
            if (entered > 0) {
                LOG.info(() -> entered + " earlier certificates entered in the register of the built-in CA");
            }
        } catch (ServiceException | EJBException e) {
            if (ca.caCertificate(BuiltInCaBean.TSA) == null) {
                throw new IllegalStateException("the built-in PKI could not be completed: " + e.getMessage(), e);
            }
            LOG.info("the built-in PKI was completed by another node");
        }
    }
}
