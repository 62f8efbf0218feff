package org.sigillum.federation;

import java.net.URI;
import java.util.Map;
import org.sigillum.api.error.ServiceException;
import org.sigillum.api.federation.LevelOfAssurance;

/**
 * One protocol's way to the provider (the SPI of the provider kinds, found by CDI): the request that sends the
 * browser to the provider, asking for at least {@code required} and, when {@code stepUp}, for a fresh
 * authentication. The answer comes back at the protocol's own endpoint, which ends in
 * {@link org.sigillum.api.service.FederatedLogins#complete}.
 */
public interface ProtocolLogin {

    ProviderKind kind();

    Request request(ConfiguredProvider provider, String attemptId, LevelOfAssurance required, boolean stepUp)
            throws ServiceException;

    /** Where to send the browser, and what to keep with the attempt for checking the answer. */
    record Request(URI location, Map<String, String> protocolState) {
    }
}
