package org.sigillum.enrollment;

import java.util.List;
import org.sigillum.api.error.ServiceException;

/**
 * A certification authority that issues the end-entity certificates of credentials. The built-in CA is the
 * embedded default; connectors to external CAs implement the same interface, with their own {@link #id()},
 * and the one named by {@code sigillum.ca.connector} is used.
 */
public interface CaConnector {

    String id();

    /** Issues a certificate for the public key; returns the chain as DER, end entity first. */
    List<byte[]> issue(CertificateRequest request) throws ServiceException;

    /** The CA certificates above the end entities this connector issues (DER, issuing CA first, root last). */
    List<byte[]> caChain() throws ServiceException;
}
