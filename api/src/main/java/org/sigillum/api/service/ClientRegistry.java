package org.sigillum.api.service;

import jakarta.ejb.Local;
import java.util.List;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.oauth.ClientRegistrationRequest;
import org.sigillum.api.oauth.RegisteredClient;

/** The client applications (service providers) an operator has registered with the authorization server. */
@Local
public interface ClientRegistry {

    /** Registers a client; the answer carries its secret, which is stored only hashed and cannot be shown again. */
    RegisteredClient register(ClientRegistrationRequest request) throws ServiceException;

    List<RegisteredClient> clients();

    RegisteredClient client(String clientId) throws ServiceException;

    /** Removes a client and revokes every token it holds. */
    void delete(String clientId) throws ServiceException;
}
