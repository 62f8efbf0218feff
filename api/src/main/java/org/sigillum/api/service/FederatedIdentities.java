package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.IdentityLinkRequest;
import org.sigillum.api.federation.IdentityLinkView;

/** Links between accounts and identities at providers, made by the operator; audited. */
@Local
public interface FederatedIdentities {

    IdentityLinkView link(String userId, IdentityLinkRequest request) throws ServiceException;

    List<IdentityLinkView> links(String userId) throws ServiceException;

    void unlink(String userId, String linkId) throws ServiceException;
}
